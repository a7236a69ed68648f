/** `postmortem-lint report --format markdown` (the default): tables a person reads in a PR. */
import type { ReportsAggregate } from '../../engine';
import type { ReportTable } from './tables';
import { READING, reportsLine, reportTables } from './tables';

/** Line breaks and other control characters, which would end a table row. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u001f\u007f-\u009f]+/g;
/** What Markdown would read as markup in a cell: emphasis, code, links, HTML, the cell's end. */
const MARKUP = /[\\`*_[\]<>|~&]/g;

/** Text from reports as a table cell shows it, as written. */
export function markdownCell(text: string): string {
  return text.replace(CONTROL, ' ').replace(MARKUP, '\\$&');
}

/** A table with its columns padded to one width, so that it reads as a table unrendered too. */
function table({ columns, numeric, rows }: ReportTable): string[] {
  if (rows.length === 0) return [];
  const body = rows.map((row) => row.map(markdownCell));
  const widths = columns.map((_, index) =>
    Math.max(3, ...[columns, ...body].map((row) => row[index]!.length)),
  );
  const line = (cells: readonly string[]) =>
    `| ${cells.map((cell, index) => (numeric[index] ? cell.padStart(widths[index]!) : cell.padEnd(widths[index]!))).join(' | ')} |`;
  const rule = widths.map((width, index) =>
    numeric[index] ? `${'-'.repeat(width - 1)}:` : '-'.repeat(width),
  );
  return ['', line(columns), line(rule), ...body.map(line)];
}

/** The report as Markdown: a heading, what it covers, its tables. */
export function formatMarkdown(aggregate: ReportsAggregate): string {
  const lines = ['# Post-mortem report', '', reportsLine(aggregate)];
  if (aggregate.reports > 0) lines.push('', READING);
  for (const section of reportTables(aggregate)) {
    lines.push('', `## ${section.title}`);
    if (section.lead) lines.push('', section.lead);
    lines.push(...table(section));
  }
  return `${lines.join('\n')}\n`;
}
