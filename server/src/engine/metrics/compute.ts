/** Metrics (SPEC §3): time to detect, acknowledge, mitigate and resolve, from the milestones. */
import type { MilestoneEntries, Metrics, Timeline } from '../model';

/** Minutes between two entries' instants, to the second; null when either is missing. */
function between(timeline: Timeline, from: number | null, to: number | null): number | null {
  if (from === null || to === null) return null;
  const start = timeline.entries[from]?.instant;
  const end = timeline.entries[to]?.instant;
  if (start == null || end == null) return null;
  return Math.round((end - start) * 60) / 60;
}

/**
 * The metrics of a timeline in minutes (fractional where seconds are written), null where an
 * end is missing. With no mitigation entry, mitigation is the resolution.
 */
export function computeMetrics(timeline: Timeline, milestones: MilestoneEntries): Metrics {
  const { start, detected, acknowledged, mitigated, resolved } = milestones;
  return {
    timeToDetect: between(timeline, start, detected),
    timeToAcknowledge: between(timeline, detected, acknowledged),
    timeToMitigate: between(timeline, start, mitigated ?? resolved),
    timeToResolve: between(timeline, start, resolved),
  };
}

/**
 * A duration for people: `0m`, `45s`, `7m`, `1h 5m`, `2d 3h`; whole minutes from one
 * minute up, and the two largest units.
 */
export function formatDuration(minutes: number): string {
  const sign = minutes < 0 ? '-' : '';
  const abs = Math.abs(minutes);
  if (abs > 0 && abs < 1) return `${sign}${Math.round(abs * 60)}s`;
  const total = Math.round(abs);
  const units: [number, string][] = [
    [Math.floor(total / 1440), 'd'],
    [Math.floor((total % 1440) / 60), 'h'],
    [total % 60, 'm'],
  ];
  const first = units.findIndex(([value]) => value > 0);
  if (first < 0) return '0m';
  const shown = units.slice(first, first + 2).filter(([value], i) => i === 0 || value > 0);
  return sign + shown.map(([value, unit]) => `${value}${unit}`).join(' ');
}
