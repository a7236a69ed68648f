/** Metrics (SPEC §3): time to detect, acknowledge, mitigate and resolve, from the milestones. */
import type {
  Milestone,
  MilestoneEntries,
  Metrics,
  MetricName,
  StatedMilestone,
  Timeline,
} from '../model';
import { METRIC_NAMES } from '../model';
import { METRIC_VOCABULARY } from './vocabulary';

/** Minutes between two instants, to the second; null when either is missing. */
function between(start: number | null, end: number | null): number | null {
  if (start === null || end === null) return null;
  return Math.round((end - start) * 60) / 60;
}

/**
 * Where a metric's bound stands on the timeline's axis: the stated time that won it, else its
 * entry's instant (with no mitigation entry, the resolution's); null when there is none.
 */
export function boundInstant(
  timeline: Timeline,
  milestones: MilestoneEntries,
  stated: Partial<Record<Milestone, StatedMilestone>>,
  milestone: Milestone,
): number | null {
  const at = milestone === 'mitigated' && milestones.mitigated === null ? 'resolved' : milestone;
  const entry = milestones[at];
  return (
    stated[at]?.instant ?? (entry === null ? null : (timeline.entries[entry]?.instant ?? null))
  );
}

/** Metrics none of which could be computed. */
export function nullMetrics(): Metrics {
  return Object.fromEntries(METRIC_NAMES.map((name) => [name, null])) as Metrics;
}

/** The metrics of a timeline in minutes (fractional where seconds are written), null where an end is missing. */
export function computeMetrics(
  timeline: Timeline,
  milestones: MilestoneEntries,
  stated: Partial<Record<Milestone, StatedMilestone>> = {},
): Metrics {
  const metric = (name: MetricName) => {
    const { from, to } = METRIC_VOCABULARY[name];
    const bound = (milestone: Milestone) => boundInstant(timeline, milestones, stated, milestone);
    return between(bound(from), bound(to));
  };
  return Object.fromEntries(METRIC_NAMES.map((name) => [name, metric(name)])) as Metrics;
}
