/**
 * `postmortem-lint report --format csv`: one row per group (RFC 4180: CRLF line ends, fields
 * quoted where they hold a comma, a quote or a line break). Column `by` says what groups the
 * row: `month` and `severity` rows carry the report count and each metric's median, 90th
 * percentile and n in minutes; `owner` rows carry open and overdue follow-ups. An empty
 * `group` is the `null` group: reports without a month or a severity, follow-ups without an
 * owner. An empty cell is a value that is not there (a median over no report).
 */
import type { GroupStats, ReportsAggregate } from '../../engine';
import { METRIC_NAMES } from '../../engine';

const STATS = ['median', 'p90', 'n'] as const;

/** The header row's fields, in order. */
const CSV_COLUMNS = [
  'by',
  'group',
  'reports',
  ...METRIC_NAMES.flatMap((name) => STATS.map((stat) => `${name}.${stat}`)),
  'followUps.open',
  'followUps.overdue',
];

type Cell = string | number | null;

/** A field as RFC 4180 writes it: quoted, its quotes doubled, where it must be. */
function field(value: Cell): string {
  const text = value === null ? '' : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function groupRow(by: 'month' | 'severity', group: string | null, stats: GroupStats): Cell[] {
  return [
    by,
    group,
    stats.count,
    ...METRIC_NAMES.flatMap((name) => STATS.map((stat) => stats[name][stat])),
    null,
    null,
  ];
}

/** The aggregate as CSV: the header, then months, severities and owners in the JSON's order. */
export function formatCsv(aggregate: ReportsAggregate): string {
  const metricCells = METRIC_NAMES.length * STATS.length;
  const rows: Cell[][] = [
    CSV_COLUMNS,
    ...aggregate.byMonth.map((group) => groupRow('month', group.month, group)),
    ...aggregate.bySeverity.map((group) => groupRow('severity', group.severity, group)),
    ...aggregate.followUps.byOwner.map(({ owner, open, overdue }) => [
      'owner',
      owner,
      null,
      ...Array<Cell>(metricCells).fill(null),
      open,
      overdue,
    ]),
  ];
  return rows.map((row) => `${row.map(field).join(',')}\r\n`).join('');
}
