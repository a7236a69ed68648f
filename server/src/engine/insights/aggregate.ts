/**
 * Many reports at once (SPEC §5, `postmortem-lint report`): per month and per severity, how
 * many reports and the median and 90th percentile of each metric; the open and overdue
 * follow-ups by owner. Pure data over the reports' summaries, so the insights webview
 * aggregates the index it receives exactly as the command line does.
 */
import { METRIC_NAMES } from '../model';
import type { MetricName } from '../model';
import { median, percentile } from './stats';
import type { ReportSummary } from './summary';

/** A metric over a group's reports: over those where it is known, `n` of them. */
export interface MetricStats {
  median: number | null;
  /** The nearest-rank 90th percentile. */
  p90: number | null;
  n: number;
}

/** How many reports a group has, and each metric over them. */
export type GroupStats = { count: number } & Record<MetricName, MetricStats>;

/** The reports of one month (`YYYY-MM`); `month` is null for the reports without a date. */
export type MonthGroup = { month: string | null } & GroupStats;

/** The reports of one severity; `severity` is null for the reports without one. */
export type SeverityGroup = { severity: string | null } & GroupStats;

/** One owner's open follow-ups; `owner` is null for the follow-ups that name none. */
export interface OwnerFollowUps {
  owner: string | null;
  open: number;
  overdue: number;
}

/** `postmortem-lint report --format json`, as SPEC §5 defines it. */
export interface ReportsAggregate {
  reports: number;
  /** Months ascending; the reports without a date last. */
  byMonth: MonthGroup[];
  /** Severities in the order of their scale, then others by name; those without one last. */
  bySeverity: SeverityGroup[];
  followUps: {
    open: number;
    overdue: number;
    /** Owners with an open follow-up: most open first, then most overdue, then by name; no owner last. */
    byOwner: OwnerFollowUps[];
  };
}

/** What the `null` group of each kind stands for, as tables and charts label it. */
const NO_GROUP = { month: 'No date', severity: 'No severity', owner: 'No owner' } as const;

/** A group's name for people: the month, severity or owner, or what its `null` stands for. */
export function groupLabel(kind: keyof typeof NO_GROUP, value: string | null): string {
  return value ?? NO_GROUP[kind];
}

/** What the aggregate reads of a report (an index's items carry more). */
export type AggregatedReport = Pick<
  ReportSummary,
  'month' | 'severity' | 'severityRank' | 'metrics' | 'followUps'
>;

function groupStats(reports: readonly AggregatedReport[]): GroupStats {
  const stats = { count: reports.length } as GroupStats;
  for (const name of METRIC_NAMES) {
    const known = reports.flatMap((report) => {
      const value = report.metrics?.[name];
      return value === null || value === undefined ? [] : [value];
    });
    stats[name] = { median: median(known), p90: percentile(known, 90), n: known.length };
  }
  return stats;
}

/** `reports` grouped by `key`, in the order the groups are first met. */
function groupBy<K>(
  reports: readonly AggregatedReport[],
  key: (report: AggregatedReport) => K,
): Map<K, AggregatedReport[]> {
  const groups = new Map<K, AggregatedReport[]>();
  for (const report of reports) {
    const value = key(report);
    const group = groups.get(value);
    if (group) group.push(report);
    else groups.set(value, [report]);
  }
  return groups;
}

/** Code-unit order of names, which no locale changes; null after every name. */
function byName(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return a < b ? -1 : 1;
}

function byMonth(reports: readonly AggregatedReport[]): MonthGroup[] {
  return [...groupBy(reports, (report) => report.month)]
    .sort(([a], [b]) => byName(a, b))
    .map(([month, group]) => ({ month, ...groupStats(group) }));
}

function bySeverity(reports: readonly AggregatedReport[]): SeverityGroup[] {
  const rank = (group: readonly AggregatedReport[]) =>
    group.reduce((least, report) => Math.min(least, report.severityRank ?? Infinity), Infinity);
  return [...groupBy(reports, (report) => report.severity)]
    .sort(([a, first], [b, second]) => rank(first) - rank(second) || byName(a, b))
    .map(([severity, group]) => ({ severity, ...groupStats(group) }));
}

function followUps(reports: readonly AggregatedReport[]): ReportsAggregate['followUps'] {
  const owners = new Map<string | null, OwnerFollowUps>();
  let open = 0;
  let overdue = 0;
  for (const item of reports.flatMap((report) => report.followUps)) {
    if (item.status !== 'open') continue;
    const owner = item.owner?.trim() || null;
    let counts = owners.get(owner);
    if (!counts) owners.set(owner, (counts = { owner, open: 0, overdue: 0 }));
    counts.open += 1;
    open += 1;
    if (item.overdue) {
      counts.overdue += 1;
      overdue += 1;
    }
  }
  const byOwner = [...owners.values()].sort(
    (a, b) =>
      Number(a.owner === null) - Number(b.owner === null) ||
      b.open - a.open ||
      b.overdue - a.overdue ||
      byName(a.owner, b.owner),
  );
  return { open, overdue, byOwner };
}

/**
 * The aggregate of SPEC §5 over `reports`. Every report counts in `reports` and in one month
 * and one severity group (a `null` group, last, holds those without); a metric's statistics
 * are over the reports where it is known.
 */
export function aggregateReports(reports: readonly AggregatedReport[]): ReportsAggregate {
  return {
    reports: reports.length,
    byMonth: byMonth(reports),
    bySeverity: bySeverity(reports),
    followUps: followUps(reports),
  };
}
