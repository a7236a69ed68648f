/** Metrics (SPEC §3): time to detect, acknowledge, mitigate and resolve, from the milestones. */
import type { Milestone, MilestoneEntries, Metrics, MetricName, Timeline } from '../model';
import { METRIC_NAMES } from '../model';
import { METRIC_VOCABULARY } from './vocabulary';

/** Minutes between two entries' instants, to the second; null when either is missing. */
function between(timeline: Timeline, from: number | null, to: number | null): number | null {
  if (from === null || to === null) return null;
  const start = timeline.entries[from]?.instant;
  const end = timeline.entries[to]?.instant;
  if (start == null || end == null) return null;
  return Math.round((end - start) * 60) / 60;
}

/** The entry a milestone bound of a metric stands at: with no mitigation entry, the resolution. */
export function boundEntry(milestones: MilestoneEntries, milestone: Milestone): number | null {
  const entry = milestones[milestone];
  return entry === null && milestone === 'mitigated' ? milestones.resolved : entry;
}

/** The metrics of a timeline in minutes (fractional where seconds are written), null where an end is missing. */
export function computeMetrics(timeline: Timeline, milestones: MilestoneEntries): Metrics {
  const metric = (name: MetricName) => {
    const { from, to } = METRIC_VOCABULARY[name];
    return between(timeline, boundEntry(milestones, from), boundEntry(milestones, to));
  };
  return Object.fromEntries(METRIC_NAMES.map((name) => [name, metric(name)])) as Metrics;
}
