/**
 * Metrics in words for the server's features (code lens, breakdown): the engine's values
 * (`metricValues`), what is missing to compute each, and the entries each runs between (SPEC §3).
 */
import type { Milestone, PostmortemModel } from '../../engine';
import {
  anyGuessed,
  formatDuration,
  gapAdvice,
  GUESSED_NOTE,
  METRIC_NAMES,
  METRIC_VOCABULARY,
  metricNotes,
  metricValues,
  missingAdvice,
  NO_TIMELINE_ADVICE,
} from '../../engine';
import type { MetricSpan, MetricsBreakdown } from '../../protocol';

/** The lens's one short line: `TTD 0m* · TTA 5m · TTM — · TTR — (* guessed from keywords)`. */
export function metricsSummary(model: PostmortemModel): string {
  const notes = metricNotes(model);
  if (!notes) return 'No timeline: no metrics';
  return `${metricValues(notes)}${anyGuessed(notes) ? ` (${GUESSED_NOTE})` : ''}`;
}

/** What keeps metrics from being computed, once each: `Resolved: not marked — add [resolved] …`. */
export function missingNotes(model: PostmortemModel): string[] {
  const notes = metricNotes(model);
  return notes ? missingAdvice(notes) : [];
}

/** What the keyword guesses of each metric rest on, for the lens tooltip; empty when none. */
export function guessNotes(model: PostmortemModel): string[] {
  const notes = metricNotes(model);
  if (!notes) return [];
  return METRIC_NAMES.flatMap((name) => {
    const words = notes[name].inferredFrom;
    if (notes[name].minutes === null || words.length === 0) return [];
    const list = words.map((word) => `\`${word}\``).join(', ');
    return [`${METRIC_VOCABULARY[name].abbreviation}: guessed from ${list}`];
  });
}

/** A bound of a metric: the entry it stands at and why, or the summary line that stated it. */
function describeBound(
  model: PostmortemModel,
  milestone: Milestone,
): { text: string; line: number | null } {
  const at =
    milestone === 'mitigated' && model.milestones.mitigated === null ? 'resolved' : milestone;
  const stated = model.statedMilestones[at];
  if (stated) return { text: `${at} ${stated.text} (stated in the summary)`, line: null };
  const entry = model.timeline!.entries[model.milestones[at]!]!;
  const mark = entry.marks.find((candidate) => candidate.milestone === at);
  const guess = mark?.inferredFrom ? ` (guessed from \`${mark.inferredFrom}\`)` : '';
  return {
    text: `${at} ${entry.timeText} “${entry.description.trim()}”${guess}`,
    // Engine lines count from 1, LSP lines from 0.
    line: entry.span.start.line - 1,
  };
}

/** Each metric's value and the entries that start and end it; null without a timeline. */
export function metricsBreakdown(model: PostmortemModel): MetricsBreakdown | null {
  const notes = metricNotes(model);
  if (!notes) return null;
  const spans = METRIC_NAMES.map((metric): MetricSpan => {
    const { abbreviation, from, to } = METRIC_VOCABULARY[metric];
    const { minutes, gap } = notes[metric];
    const span = `${from} → ${to}`;
    if (minutes === null) {
      const advice = gap ? gapAdvice(gap) : null;
      return {
        metric,
        title: `${abbreviation} not computed`,
        span,
        bounds: null,
        advice,
        endLine: null,
      };
    }
    const start = describeBound(model, from);
    const end = describeBound(model, to);
    return {
      metric,
      title: `${abbreviation} ${formatDuration(minutes)}`,
      span,
      bounds: { from: start.text, to: end.text },
      advice: null,
      endLine: end.line,
    };
  });
  return { title: 'Metrics from the timeline', spans };
}

/** The breakdown as a message: a list, one metric a line, for editors that show it as text. */
export function breakdownText(breakdown: MetricsBreakdown | null): string {
  if (!breakdown) return NO_TIMELINE_ADVICE;
  const lines = breakdown.spans.map(({ title, bounds, advice }) =>
    bounds
      ? `- ${title}: ${bounds.from} → ${bounds.to}`
      : `- ${title}${advice ? ` (${advice})` : ''}`,
  );
  return [`${breakdown.title}:`, ...lines].join('\n');
}
