/**
 * A new timeline entry in the timeline's own shape (a table row with as many cells, a list
 * item with the same marker, markup, brackets and separator, or a time sub-heading of the same
 * level) and time format, after the last entry.
 */
import type { Table } from 'mdast';
import type { PostmortemModel, Timeline, TimelineEntry } from '../model';
import { formatNowLike } from './format';

/** Where the writer's cursor goes in the new entry: where the event is written. */
const CURSOR = '\u0000';

/** A new entry: the text to insert at `offset`, and where in it the event goes. */
export interface NewEntry {
  offset: number;
  text: string;
  /** Index in `text` of the place for the event. */
  cursor: number;
}

/** The table of the timeline section that holds an offset, or its first table. */
function timelineTable(timeline: Timeline, offset: number | null): Table | undefined {
  const tables = timeline.nodes.filter((node): node is Table => node.type === 'table');
  if (offset === null) return tables[0];
  return tables.find(
    (table) => table.position!.start.offset! <= offset && offset < table.position!.end.offset!,
  );
}

/** A table row of `columns` cells: the time in `timeColumn`, the cursor in the next free cell. */
function tableRow(columns: number, timeColumn: number, time: string): string {
  const eventColumn = timeColumn === 0 ? 1 : 0;
  const cells = Array.from({ length: Math.max(columns, 2) }, (_, column) =>
    column === timeColumn ? time : column === eventColumn ? CURSOR : '',
  );
  return `| ${cells.join(' | ')} |`;
}

function columnCount(table: Table): number {
  return table.children[0]?.children.length ?? 2;
}

/** Which cell of its row an entry's time is in. */
function timeColumnOf(table: Table, entry: TimelineEntry): number {
  const offset = entry.timeSpan?.start.offset;
  if (offset === undefined) return 0;
  for (const row of table.children) {
    const column = row.children.findIndex(
      (cell) => cell.position!.start.offset! <= offset && offset < cell.position!.end.offset!,
    );
    if (column >= 0) return column;
  }
  return 0;
}

/** A list item (or line) shaped like the entry's: same indent, marker, markup and separator. */
function itemLike(model: PostmortemModel, entry: TimelineEntry, time: string): string {
  const { lines, text } = model;
  const lineStart = lines.lineStarts[entry.span.start.line - 1]!;
  const line = text.slice(lineStart, lines.lineEnd(entry.span.start.line));
  const marker = /^([ \t]*)(?:([-*+])|(\d+)([.)]))?([ \t]*)/.exec(line)!;
  const [head, indent, bullet, number, delimiter, space] = marker;
  const markerText = bullet ?? (number ? `${Number(number) + 1}${delimiter}` : '');
  let open = '';
  let after = ' - ';
  if (entry.timeSpan && entry.timeSpan.start.line === entry.span.start.line) {
    const timeStart = entry.timeSpan.start.offset - lineStart;
    const between = line.slice(head.length, timeStart);
    if (/^[*_`]*\[?$/.test(between)) open = between;
    const rest = line.slice(entry.timeSpan.end.offset - lineStart);
    const separator = /^([*_`]*\]?)([ \t]*[-–—:|][ \t]*|[ \t]+)/.exec(rest);
    if (separator) after = separator[0];
  }
  return `${indent}${markerText}${markerText ? space || ' ' : ''}${open}${time}${after}${CURSOR}`;
}

/** The hashes of a time sub-heading's line (`### 13:06`), or null for any other line. */
function headingHashes(model: PostmortemModel, entry: TimelineEntry): string | null {
  const { lines, text } = model;
  const line = entry.span.start.line;
  return (
    /^ {0,3}(#{1,6})[ \t]/.exec(
      text.slice(lines.lineStarts[line - 1]!, lines.lineEnd(line)),
    )?.[1] ?? null
  );
}

/** Where a new line goes after line `line` (1-based), and the line ending to put before it. */
function afterLine(model: PostmortemModel, line: number): { offset: number; lead: string } {
  const next = model.lines.lineStarts[line];
  return next === undefined
    ? { offset: model.text.length, lead: model.lines.eol() }
    : { offset: next, lead: '' };
}

/** The new entry for a timeline at time `now`; null without a timeline. */
export function newTimelineEntry(model: PostmortemModel, now: Date): NewEntry | null {
  const { timeline } = model;
  if (!timeline) return null;
  const eol = model.lines.eol();
  const time = formatNowLike(timeline, now);
  const last = timeline.entries[timeline.entries.length - 1];
  let line: number;
  let body: string;
  let blankBefore = false;
  const hashes = last && headingHashes(model, last);
  if (last && hashes) {
    // A time sub-heading, its event in the paragraph under it.
    line = last.span.end.line;
    body = `${hashes} ${time}${eol}${eol}${CURSOR}`;
    blankBefore = true;
  } else if (last) {
    const table = timelineTable(timeline, last.span.start.offset);
    line = last.span.end.line;
    body = table
      ? tableRow(columnCount(table), timeColumnOf(table, last), time)
      : itemLike(model, last, time);
  } else {
    const table = timelineTable(timeline, null);
    if (table) {
      line = table.position!.end.line;
      body = tableRow(columnCount(table), 0, time);
    } else {
      // No entries and no table: a list item after the section's content.
      const content = model.text.slice(0, timeline.span.end.offset).trimEnd();
      line = model.lines.point(content.length).line;
      body = `- ${time} - ${CURSOR}`;
      blankBefore = true;
    }
  }
  const { offset, lead } = afterLine(model, line);
  const marked = `${lead}${blankBefore ? eol : ''}${body}${eol}`;
  const cursor = marked.indexOf(CURSOR);
  return { offset, text: marked.slice(0, cursor) + marked.slice(cursor + 1), cursor };
}
