/**
 * Metrics in words for the server's features (code lens, breakdown message): the engine's one
 * line of values (`metricsLine`), what is missing to compute each, and the entries each runs
 * between (SPEC §3).
 */
import type { Milestone, PostmortemModel } from '../../engine';
import {
  METRIC_NAMES,
  METRIC_VOCABULARY,
  formatDuration,
  gapAdvice,
  metricNotes,
  metricsLine,
} from '../../engine';

/** `TTD 0m* · TTA 5m* · TTM 20m* · TTR 40m* (* guessed from keywords)`; `—` with its reason. */
export function metricsSummary(model: PostmortemModel): string {
  const notes = metricNotes(model);
  return notes ? metricsLine(notes) : 'No timeline: no metrics';
}

/** What keeps metrics from being computed, once each: `Resolved: not marked — add [resolved] …`. */
export function missingNotes(model: PostmortemModel): string[] {
  const notes = metricNotes(model);
  if (!notes) return [];
  const advice = METRIC_NAMES.flatMap((name) => {
    const gap = notes[name].gap;
    return gap ? [gapAdvice(gap)] : [];
  });
  return [...new Set(advice)];
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
function describeBound(model: PostmortemModel, milestone: Milestone): string {
  const at =
    milestone === 'mitigated' && model.milestones.mitigated === null ? 'resolved' : milestone;
  const stated = model.statedMilestones[at];
  if (stated) return `${at} ${stated.text} (stated in the summary)`;
  const entry = model.timeline!.entries[model.milestones[at]!]!;
  const mark = entry.marks.find((candidate) => candidate.milestone === at);
  const guess = mark?.inferredFrom ? ` (guessed from \`${mark.inferredFrom}\`)` : '';
  return `${at} ${entry.timeText} “${entry.description.trim()}”${guess}`;
}

/** One line per metric: its value and the entries that start and end it. */
export function metricsBreakdown(model: PostmortemModel): string {
  const notes = metricNotes(model);
  if (!notes) return 'No timeline: add a Timeline section to compute metrics.';
  const lines = METRIC_NAMES.map((metric) => {
    const { abbreviation, from, to } = METRIC_VOCABULARY[metric];
    const { minutes, gap } = notes[metric];
    if (minutes === null) return `${abbreviation}: not computed (${gap ? gapAdvice(gap) : ''}).`;
    return `${abbreviation} ${formatDuration(minutes)}: ${describeBound(model, from)} → ${describeBound(model, to)}.`;
  });
  return ['Metrics from the timeline:', ...lines].join('\n');
}
