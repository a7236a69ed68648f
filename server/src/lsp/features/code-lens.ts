/**
 * Code lenses: the metrics above the timeline heading (what is missing to compute them in its
 * tooltip), and the computed value above each stated metric. Each runs `SHOW_METRICS_COMMAND`.
 */
import { METRIC_VOCABULARY, formatDuration } from '../../engine';
import type { CodeLens, Command } from 'vscode-languageserver';
import { SHOW_METRICS_COMMAND } from '../../protocol';
import type { AnalyzedPostmortem } from '../session/analyzed';
import { guessNotes, metricsSummary, missingNotes } from './metrics-text';

/** The code lenses of an analysed post-mortem. */
export function codeLenses(document: AnalyzedPostmortem): CodeLens[] {
  const { uri, positions } = document;
  const { model } = document.analysis;
  const command = (title: string, tooltip?: string): Command => ({
    title,
    command: SHOW_METRICS_COMMAND,
    arguments: [uri],
    ...(tooltip ? { tooltip } : {}),
  });
  const lenses: CodeLens[] = [];
  if (model.timeline) {
    // One short line; what is missing and what is guessed go in the tooltip, the entries of
    // each span in what the click shows.
    const guesses = guessNotes(model);
    const help = [
      ...missingNotes(model),
      ...guesses,
      ...(guesses.length > 0 ? ['Mark entries such as [detected] to state them.'] : []),
    ];
    lenses.push({
      range: positions.range(model.timeline.section.heading.span),
      command: command(metricsSummary(model), help.length > 0 ? help.join('\n') : undefined),
    });
  }
  for (const stated of model.statedMetrics) {
    const computed = model.metrics?.[stated.metric] ?? null;
    const value =
      computed === null
        ? `not available (${METRIC_VOCABULARY[stated.metric].abbreviation} needs the timeline's milestones)`
        : formatDuration(computed);
    lenses.push({
      range: positions.range(stated.span),
      command: command(`Computed from timeline: ${value}`),
    });
  }
  return lenses;
}
