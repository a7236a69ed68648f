/**
 * Metrics in words, the same everywhere (code lens, breakdown message, hover): each metric's
 * abbreviation and value, the milestones that bound it (SPEC §3), and what is missing.
 */
import type { MetricName, Milestone, PostmortemModel } from '../../engine';
import { METRIC_NAMES, formatDuration } from '../../engine';

/** Each metric's abbreviation and the milestones it runs between. */
export const METRIC_SPANS: Record<MetricName, { abbr: string; from: Milestone; to: Milestone }> = {
  timeToDetect: { abbr: 'TTD', from: 'start', to: 'detected' },
  timeToAcknowledge: { abbr: 'TTA', from: 'detected', to: 'acknowledged' },
  timeToMitigate: { abbr: 'TTM', from: 'start', to: 'mitigated' },
  timeToResolve: { abbr: 'TTR', from: 'start', to: 'resolved' },
};

const LABELS: Record<Milestone, string> = {
  start: 'Start',
  detected: 'Detected',
  acknowledged: 'Acknowledged',
  mitigated: 'Mitigated',
  resolved: 'Resolved',
};

/** What each milestone counts from: an entry marking it earlier than that is not used. */
const MEASURED_FROM: Record<Milestone, string> = {
  start: 'the first entry',
  detected: 'the start',
  acknowledged: 'the detection',
  mitigated: 'the start',
  resolved: 'the start',
};

/** The entry a metric ends at: with no mitigation entry, mitigation is the resolution. */
function endEntry(model: PostmortemModel, metric: MetricName): number | null {
  const { to } = METRIC_SPANS[metric];
  const entry = model.milestones[to];
  return entry === null && to === 'mitigated' ? model.milestones.resolved : entry;
}

/** `TTD 0m · TTA 5m · TTM 20m · TTR 40m`, with `—` for a metric that cannot be computed. */
export function metricsSummary(model: PostmortemModel): string {
  return METRIC_NAMES.map((metric) => {
    const value = model.metrics?.[metric] ?? null;
    return `${METRIC_SPANS[metric].abbr} ${value === null ? '—' : formatDuration(value)}`;
  }).join(' · ');
}

/** Why a metric cannot be computed, and how to fix it; null when it can. */
function missingNote(model: PostmortemModel, metric: MetricName): string | null {
  if (!model.metrics || model.metrics[metric] !== null) return null;
  const { from, to } = METRIC_SPANS[metric];
  // Milestones resolve only to entries with a time, so a missing end is a missing milestone.
  for (const [milestone, index] of [
    [from, model.milestones[from]],
    [to, endEntry(model, metric)],
  ] as const) {
    if (index !== null) continue;
    if (milestone === 'start') return 'Start: no entry with a readable time';
    const marked = model.timeline!.entries.some(
      (entry) => entry.instant !== null && entry.marks.some((mark) => mark.milestone === milestone),
    );
    // Milestones count only from the one they are measured from on (see resolveMilestones).
    return marked
      ? `${LABELS[milestone]}: marked only before ${MEASURED_FROM[milestone]} — add [${milestone}] to a later entry`
      : `${LABELS[milestone]}: not marked — add [${milestone}] to an entry`;
  }
  return null;
}

/** What keeps metrics from being computed, once each: `Resolved: not marked — add [resolved] …`. */
export function missingNotes(model: PostmortemModel): string[] {
  // Without a single readable time nothing can be marked: one note says so.
  if (model.timeline && model.milestones.start === null) {
    return ['Start: no entry with a readable time'];
  }
  const notes = METRIC_NAMES.map((metric) => missingNote(model, metric));
  return [...new Set(notes.filter((note): note is string => note !== null))];
}

function describeEntry(model: PostmortemModel, milestone: Milestone, index: number): string {
  const entry = model.timeline!.entries[index]!;
  return `${milestone} ${entry.timeText} “${entry.description.trim()}”`;
}

/** One line per metric: its value and the entries that start and end it. */
export function metricsBreakdown(model: PostmortemModel): string {
  if (!model.metrics) return 'No timeline: add a Timeline section to compute metrics.';
  const lines = METRIC_NAMES.map((metric) => {
    const { abbr, from, to } = METRIC_SPANS[metric];
    const value = model.metrics![metric];
    if (value === null) return `${abbr}: not computed (${missingNote(model, metric) ?? ''}).`;
    const end = endEntry(model, metric)!;
    const endMilestone = model.milestones[to] === null ? 'resolved' : to;
    return `${abbr} ${formatDuration(value)}: ${describeEntry(model, from, model.milestones[from]!)} → ${describeEntry(model, endMilestone, end)}.`;
  });
  return ['Metrics from the timeline:', ...lines].join('\n');
}
