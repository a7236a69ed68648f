/**
 * Code lenses: the metrics above the timeline heading (and what is missing to compute them),
 * and the computed value above each stated metric. Each runs `SHOW_METRICS_COMMAND`.
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
    const range = positions.range(model.timeline.section.heading.span);
    const guesses = guessNotes(model);
    const tooltip =
      guesses.length > 0
        ? `${guesses.join('\n')}\nMark entries such as [detected] to state them.`
        : undefined;
    lenses.push({ range, command: command(metricsSummary(model), tooltip) });
    for (const note of missingNotes(model)) lenses.push({ range, command: command(note) });
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
