/**
 * The insights' charts of an aggregate (SPEC §5's numbers), as SVG text: the insights webview
 * and `postmortem-lint report --format html` draw the same charts. Include
 * `CHART_STYLESHEET` once where they are shown; set `--pm-chart-1`…`--pm-chart-4`,
 * `--pm-chart-text`, `--pm-chart-grid`, `--pm-chart-axis` and `--pm-chart-font` to theme them.
 */
import { formatDuration } from '../metrics/durations';
import { METRIC_VOCABULARY } from '../metrics/vocabulary';
import { METRIC_NAMES } from '../model';
import type { MetricName } from '../model';
import { groupLabel } from './aggregate';
import type { GroupStats, MonthGroup, ReportsAggregate } from './aggregate';
import { drawChart } from './svg';
import type { Series } from './svg';

export { CHART_STYLESHEET } from './svg';

const MEDIAN = 'Median';
const P90 = '90th percentile';

/** Months a time axis spans at the most with every month on it; past that, only those with reports. */
const MAX_AXIS_MONTHS = 240;

/** `YYYY-MM` as a count of months, and back. */
function monthNumber(month: string): number {
  return Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1;
}

function monthOf(number: number): string {
  const month = (number % 12) + 1;
  return `${String(Math.floor(number / 12)).padStart(4, '0')}-${String(month).padStart(2, '0')}`;
}

/** A month without a report: a count of 0, no metric. */
function emptyMonth(month: string): MonthGroup {
  const none = { median: null, p90: null, n: 0 };
  const metrics = Object.fromEntries(METRIC_NAMES.map((name) => [name, none]));
  return { month, count: 0, ...(metrics as Record<MetricName, typeof none>) };
}

/**
 * The time axis: every month from the first report's to the last one's, those without a report
 * empty, so that a quiet stretch shows as one (the reports without a date have no place on it).
 */
function datedMonths(aggregate: ReportsAggregate): MonthGroup[] {
  const dated = aggregate.byMonth.filter((group) => group.month !== null);
  if (dated.length === 0) return dated;
  const first = monthNumber(dated[0]!.month!);
  const span = monthNumber(dated[dated.length - 1]!.month!) - first + 1;
  if (span > MAX_AXIS_MONTHS) return dated;
  const byMonth = new Map(dated.map((group) => [group.month, group]));
  return Array.from({ length: span }, (_, index) => {
    const month = monthOf(first + index);
    return byMonth.get(month) ?? emptyMonth(month);
  });
}

/** What a month chart leaves out: the reports without a date; undefined when there is none. */
function undatedNote(aggregate: ReportsAggregate): string | undefined {
  const undated = aggregate.byMonth.find((group) => group.month === null)?.count ?? 0;
  if (undated === 0) return undefined;
  return undated === 1
    ? '1 report has no date and is not shown'
    : `${undated} reports have no date and are not shown`;
}

function metricSeries(groups: readonly GroupStats[], metric: MetricName): Series[] {
  return [
    { name: MEDIAN, values: groups.map((group) => group[metric].median) },
    { name: P90, values: groups.map((group) => group[metric].p90), dashed: true },
  ];
}

function noMetric(metric: MetricName): string {
  return `No data: no report has a ${METRIC_VOCABULARY[metric].label} yet`;
}

const count = (value: number) => String(value);

/** The median and 90th percentile of `metric` month by month, as lines. */
export function metricByMonthChart(aggregate: ReportsAggregate, metric: MetricName): string {
  const months = datedMonths(aggregate);
  return drawChart({
    title: `${METRIC_VOCABULARY[metric].abbreviation} by month: median and 90th percentile`,
    kind: 'lines',
    categories: months.map((group) => group.month!),
    series: metricSeries(months, metric),
    unit: 'minutes',
    format: formatDuration,
    empty: months.length === 0 ? 'No data: no report has a date' : noMetric(metric),
    note: undatedNote(aggregate),
  });
}

/** The median and 90th percentile of `metric` per severity, as bars. */
export function metricBySeverityChart(aggregate: ReportsAggregate, metric: MetricName): string {
  const groups = aggregate.bySeverity;
  return drawChart({
    title: `${METRIC_VOCABULARY[metric].abbreviation} by severity: median and 90th percentile`,
    kind: 'bars',
    categories: groups.map((group) => groupLabel('severity', group.severity)),
    series: metricSeries(groups, metric),
    unit: 'minutes',
    format: formatDuration,
    empty: noMetric(metric),
  });
}

/** How many reports each month has, as bars. */
export function reportsByMonthChart(aggregate: ReportsAggregate): string {
  const months = datedMonths(aggregate);
  return drawChart({
    title: 'Incidents by month',
    kind: 'bars',
    categories: months.map((group) => group.month!),
    series: [{ name: 'Reports', values: months.map((group) => group.count) }],
    unit: 'count',
    format: count,
    empty: 'No data: no report has a date',
    note: undatedNote(aggregate),
  });
}

/** Owners a chart draws at the most: those with the most open follow-ups (the rest are summed up). */
const MAX_OWNERS = 20;

function ownersLeftNote(owners: number, open: number): string {
  const follow = open === 1 ? '1 open follow-up' : `${open} open follow-ups`;
  return owners === 1
    ? `1 more owner, with ${follow}, is not shown`
    : `${owners} more owners, with ${follow}, are not shown`;
}

/** The open and overdue follow-ups of each owner, as bars; the owners with most open first. */
export function followUpsByOwnerChart(aggregate: ReportsAggregate): string {
  const { byOwner } = aggregate.followUps;
  const owners = byOwner.slice(0, MAX_OWNERS);
  const left = byOwner.slice(MAX_OWNERS);
  const leftOpen = left.reduce((sum, owner) => sum + owner.open, 0);
  return drawChart({
    title: 'Open follow-ups by owner',
    kind: 'bars',
    categories: owners.map((group) => groupLabel('owner', group.owner)),
    series: [
      { name: 'Open', values: owners.map((group) => group.open) },
      { name: 'Overdue', values: owners.map((group) => group.overdue) },
    ],
    unit: 'count',
    format: count,
    empty: 'No data: no follow-up is open',
    note: left.length > 0 ? ownersLeftNote(left.length, leftOpen) : undefined,
  });
}
