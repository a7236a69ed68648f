/**
 * Metrics in words for the server's features (code lens, breakdown message): the engine's one
 * line of values (`metricsLine`), what is missing to compute each, and the entries each runs
 * between (SPEC §3).
 */
import type { Milestone, PostmortemModel } from '../../engine';
import {
  METRIC_NAMES,
  METRIC_VOCABULARY,
  boundEntry,
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

function describeEntry(model: PostmortemModel, milestone: Milestone, index: number): string {
  const entry = model.timeline!.entries[index]!;
  const mark = entry.marks.find((candidate) => candidate.milestone === milestone);
  const guess = mark?.inferredFrom ? ` (guessed from \`${mark.inferredFrom}\`)` : '';
  return `${milestone} ${entry.timeText} “${entry.description.trim()}”${guess}`;
}

/** One line per metric: its value and the entries that start and end it. */
export function metricsBreakdown(model: PostmortemModel): string {
  const notes = metricNotes(model);
  if (!notes) return 'No timeline: add a Timeline section to compute metrics.';
  const lines = METRIC_NAMES.map((metric) => {
    const { abbreviation, from, to } = METRIC_VOCABULARY[metric];
    const { minutes, gap } = notes[metric];
    if (minutes === null) return `${abbreviation}: not computed (${gap ? gapAdvice(gap) : ''}).`;
    const end = boundEntry(model.milestones, to)!;
    const endMilestone = model.milestones[to] === null ? 'resolved' : to;
    const start = boundEntry(model.milestones, from)!;
    return `${abbreviation} ${formatDuration(minutes)}: ${describeEntry(model, from, start)} → ${describeEntry(model, endMilestone, end)}.`;
  });
  return ['Metrics from the timeline:', ...lines].join('\n');
}
