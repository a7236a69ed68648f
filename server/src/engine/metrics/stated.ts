/**
 * Metrics stated in the text (SPEC §3): lines such as `Time to detection: 54 minutes`,
 * `TTR: 1h 5m`, `**Time to Recovery (TTR):** 30 minutes.`, and table rows whose cell names a
 * metric and whose next cell gives its value. A value that is neither a duration nor a
 * placeholder (`N/A`, `about an hour`) states nothing.
 */
import type { Nodes, Root, Table, TableRow } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { visit } from 'unist-util-visit';
import { readDuration } from './durations';
import type { MetricName, StatedMetric } from '../model';
import type { LineIndex } from '../markdown/lines';
import { isSpaceOrTab, matchAt, PIPE } from '../markdown/chars';

const LABEL =
  /(?:time[ \t-]{1,3}to[ \t-]{1,3}(detect(?:ion)?|acknowledge?(?:ment)?|ack|mitigat(?:e|ion)|resol(?:ve|ution)|recover(?:y)?|restor(?:e|ation)|repair)(?:[ \t]{0,3}\(\s?M?TT[DAMR]\s?\))?|(TT[DAMR]))(?![\p{L}\p{N}])/iuy;
/** Markup and punctuation between a label and its value: `:`, `:**`, `**:`, ` = `, ` - `. */
const LABEL_END =
  /[ \t]{0,3}(?:\*\*|__|[*_])?[ \t]{0,3}[:=\-\u2013\u2014][ \t]{0,3}(?:\*\*|__|[*_])?[ \t]{0,3}/y;
/** What may open a line before its label: a quote, a list marker, bold or emphasis. */
const LINE_OPENER =
  /[ \t]{0,3}(?:>[ \t]?){0,3}(?:(?:[-*+]|\d{1,3}[.)])[ \t]{1,4})?(?:\*\*|__|[*_])?/y;

function metricOf(word: string): MetricName {
  const w = word.toLowerCase();
  if (w.startsWith('det') || w === 'ttd') return 'timeToDetect';
  if (w.startsWith('ack') || w === 'tta') return 'timeToAcknowledge';
  if (w.startsWith('mit') || w === 'ttm') return 'timeToMitigate';
  return 'timeToResolve';
}

/** The metric a label at `i` names, and where its value starts; null when there is none. */
function readLabel(text: string, i: number, limit: number) {
  const label = matchAt(LABEL, text, i, limit);
  if (!label) return null;
  return { metric: metricOf(label[1] ?? label[2]!), end: i + label[0].length };
}

/**
 * A labelled line `[from, to)`: what `label` (a sticky pattern) matched after the line's opener
 * (quote, list marker, bold), and where the value after its separator (`:`, `**:`, ` - `)
 * starts; null when the line is not one.
 */
export function labelledLine(text: string, from: number, to: number, label: RegExp) {
  const opener = matchAt(LINE_OPENER, text, from, to);
  const match = matchAt(label, text, from + (opener?.[0].length ?? 0), to);
  if (!match) return null;
  const labelEnd = match.index + match[0].length;
  const separator = matchAt(LABEL_END, text, labelEnd, to);
  return separator && { match, valueStart: labelEnd + separator[0].length };
}

/** Reads a stated metric from a line `[from, to)` of a paragraph or heading. */
function fromLine(text: string, from: number, to: number, lines: LineIndex): StatedMetric | null {
  const line = labelledLine(text, from, to, LABEL);
  if (!line) return null;
  const label = { metric: metricOf(line.match[1] ?? line.match[2]!) };
  const value = readDuration(text, line.valueStart, to);
  if (!value) return null;
  let start = from;
  while (start < to && (text[start] === ' ' || text[start] === '\t')) start++;
  return {
    metric: label.metric,
    span: lines.span(start, to),
    valueText: text.slice(value.start, value.end),
    valueSpan: lines.span(value.start, value.end),
    minutes: value.minutes,
  };
}

/**
 * Whether the cell whose text starts at `at` (on its `|` or not) may read as a label: not when
 * it starts with a letter or digit other than `t` or `T`, which its plain text then starts
 * with too. Spares reading every cell of a long timeline as plain text.
 */
function mayStartLabel(text: string, at: number): boolean {
  let i = text.charCodeAt(at) === PIPE ? at + 1 : at;
  while (isSpaceOrTab(text.charCodeAt(i))) i++;
  const c = text.charCodeAt(i) | 0x20;
  const alphanumeric = (c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39);
  return !alphanumeric || c === 0x74;
}

/**
 * Body rows read as stating no metric, by node. A row node kept from the last parse of a
 * session's document (moved in place, `markdown/splice.ts`) has the same text, and what a row
 * states depends on its text alone: an edit does not read it again.
 */
const statesNothing = new WeakSet<TableRow>();

/**
 * The rows of a table none of whose body rows stated a metric, by table node, as they were
 * read last: a row still at its index there is one of them, known without a lookup.
 */
const quietRows = new WeakMap<Table, TableRow[]>();

/** Rows of a table whose cell names a metric (`Time to Detect (TTD)`) and the next gives it. */
function fromTable(table: Table, text: string, lines: LineIndex): StatedMetric[] {
  const found: StatedMetric[] = [];
  const rows = table.children;
  const last = quietRows.get(table);
  const quiet = last?.length === rows.length ? last : null;
  for (let r = 1; r < rows.length; r++) {
    const row = rows[r]!;
    if (quiet?.[r] === row) continue;
    if (quiet) quiet[r] = row;
    if (statesNothing.has(row)) continue;
    const before = found.length;
    fromRow(row, text, lines, found);
    if (found.length === before) statesNothing.add(row);
  }
  if (found.length > 0) quietRows.delete(table);
  else if (!quiet) quietRows.set(table, rows.slice());
  return found;
}

/** Adds to `found` the metrics a body row states. */
function fromRow(row: TableRow, text: string, lines: LineIndex, found: StatedMetric[]): void {
  const cells = row.children;
  for (let i = 0; i < cells.length; i++) {
    const cell = cells[i]!;
    const next = cells[i + 1];
    if (cell.position && !mayStartLabel(text, cell.position.start.offset!)) continue;
    const name = toString(cell).trim().replace(/:$/, '');
    // Every label starts with `time` or `TT`: most cells (timeline rows) fail here cheaply.
    if (name.charCodeAt(0) !== 84 && name.charCodeAt(0) !== 116) continue;
    const label = readLabel(name, 0, name.length);
    if (!label || label.end !== name.length || !next?.position || !row.position) continue;
    let a = next.position.start.offset!;
    let b = next.position.end.offset!;
    if (text[a] === '|') a++;
    if (text[b - 1] === '|') b--;
    while (a < b && /[\s*_]/.test(text[a]!)) a++;
    const value = readDuration(text, a, b);
    if (!value || /[^\s|*_.]/.test(text.slice(value.end, b))) continue;
    found.push({
      metric: label.metric,
      span: lines.span(row.position.start.offset!, row.position.end.offset!),
      valueText: text.slice(value.start, value.end),
      valueSpan: lines.span(value.start, value.end),
      minutes: value.minutes,
    });
  }
}

/**
 * Calls `read` on each line `[from, to)` of the paragraphs and headings below `node`, and on
 * each table, in document order; code and HTML are not read.
 */
export function forEachLine(
  node: Nodes,
  lines: LineIndex,
  read: (from: number, to: number) => void,
  readTable: (table: Table) => void = () => {},
): void {
  visit(node, (child) => {
    if (child.type === 'table') {
      readTable(child);
      return 'skip';
    }
    if ((child.type !== 'paragraph' && child.type !== 'heading') || !child.position) return;
    const from = child.position.start.offset!;
    const to = child.position.end.offset!;
    for (let line = child.position.start.line; line <= child.position.end.line; line++) {
      read(Math.max(lines.lineStarts[line - 1]!, from), Math.min(lines.lineEnd(line), to));
    }
    return 'skip';
  });
}

/** The metrics a document states, in document order. */
export function findStatedMetrics(tree: Root, lines: LineIndex): StatedMetric[] {
  const found: StatedMetric[] = [];
  forEachLine(
    tree,
    lines,
    (from, to) => {
      const stated = fromLine(lines.text, from, to, lines);
      if (stated) found.push(stated);
    },
    (table) => found.push(...fromTable(table, lines.text, lines)),
  );
  return found;
}

/** Writes a computed value in the style of a stated one, for the fix that replaces it. */
export { formatLike as formatStatedValue } from './durations';
