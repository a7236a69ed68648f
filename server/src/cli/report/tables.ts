/**
 * What the Markdown and HTML reports print of an aggregate, as plain text: the sentence that
 * opens them and their tables (by month, by severity, follow-ups by owner). Each format
 * escapes the text its own way.
 */
import type { GroupStats, MetricStats, ReportsAggregate } from '../../engine';
import { formatDuration, groupLabel, METRIC_NAMES, METRIC_VOCABULARY, plural } from '../../engine';

export interface ReportTable {
  title: string;
  /** A sentence before the table; optional. */
  lead?: string;
  /** The column headings; the first column names the group. */
  columns: string[];
  /** Whether each column holds a number (right-aligned). */
  numeric: boolean[];
  rows: string[][];
}

/** What a cell of a metric says: `42m / 2h 10m (3)`; `—` where no report has the metric. */
export function statsCell({ median, p90, n }: MetricStats): string {
  if (median === null || p90 === null) return '—';
  return `${formatDuration(median)} / ${formatDuration(p90)} (${n})`;
}

/** How to read the metric cells, said once above the tables. */
export const READING =
  'Each metric: median / 90th percentile (nearest rank), over the reports where it is known (how many in brackets); — where none is.';

/** The opening sentence: how many reports, which months, how many without a date. */
export function reportsLine(aggregate: ReportsAggregate): string {
  if (aggregate.reports === 0) return 'No post-mortem among the files given.';
  const months = aggregate.byMonth.flatMap((group) => (group.month === null ? [] : [group.month]));
  const undated = aggregate.byMonth.find((group) => group.month === null)?.count ?? 0;
  const parts = [plural(aggregate.reports, 'report', 'reports')];
  if (months.length > 0) {
    parts.push(
      months.length === 1 ? `in ${months[0]}` : `from ${months[0]} to ${months[months.length - 1]}`,
    );
  }
  const line = parts.join(' ');
  if (undated === 0) return `${line}.`;
  return months.length === 0 ? `${line}, none with a date.` : `${line}; ${undated} without a date.`;
}

/** The follow-ups' sentence: how many are open and overdue. */
function followUpsLine({ followUps }: ReportsAggregate): string {
  if (followUps.open === 0) return 'No follow-up is open.';
  return `${plural(followUps.open, 'follow-up', 'follow-ups')} open, ${followUps.overdue} overdue; by owner (those without one last):`;
}

function groupTable(
  title: string,
  heading: string,
  groups: readonly (GroupStats & { label: string })[],
): ReportTable {
  const metrics = METRIC_NAMES.map((name) => METRIC_VOCABULARY[name].abbreviation);
  return {
    title,
    columns: [heading, 'Reports', ...metrics],
    numeric: [false, true, ...metrics.map(() => false)],
    rows: groups.map((group) => [
      group.label,
      String(group.count),
      ...METRIC_NAMES.map((name) => statsCell(group[name])),
    ]),
  };
}

/** The tables of the report (none without a report); the follow-ups' may have no row. */
export function reportTables(aggregate: ReportsAggregate): ReportTable[] {
  if (aggregate.reports === 0) return [];
  return [
    groupTable(
      'By month',
      'Month',
      aggregate.byMonth.map((group) => ({ ...group, label: groupLabel('month', group.month) })),
    ),
    groupTable(
      'By severity',
      'Severity',
      aggregate.bySeverity.map((group) => ({
        ...group,
        label: groupLabel('severity', group.severity),
      })),
    ),
    {
      title: 'Follow-ups',
      lead: followUpsLine(aggregate),
      columns: ['Owner', 'Open', 'Overdue'],
      numeric: [false, true, true],
      rows: aggregate.followUps.byOwner.map((owner) => [
        groupLabel('owner', owner.owner),
        String(owner.open),
        String(owner.overdue),
      ]),
    },
  ];
}
