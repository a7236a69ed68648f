/**
 * Table rows read without micromark. GFM splits a body row at its unescaped pipes before any
 * inline parsing, so a row that starts with `|` and has no backslash before a pipe is cut at
 * its pipes here; each cell's content is one text node or, when it holds markup, read by
 * `readInline` (text and simple markup). Its `tableRow`, `tableCell` and inline nodes,
 * positions included, are built exactly as micromark and mdast-util-gfm-table build them, at
 * a fraction of the cost. A row with markup not read there is left to micromark.
 */
import type { Point } from 'unist';
import type { TableCell, TableRow, Text } from 'mdast';
import { BACKSLASH, PIPE, SPACE } from './chars';
import { holdsMarkup, readInline } from './fast-inline';

/** Where the text handed to `readRow` starts in the document. */
interface Base {
  line: number;
  offset: number;
}

/** A point at `offset` of a line starting at `lineStart`, moved by `base`. */
function point(line: number, lineStart: number, offset: number, base: Base): Point {
  return { line: line + base.line, column: offset - lineStart + 1, offset: offset + base.offset };
}

/** A cell's content without markup: one text node, or none when it is empty. */
function plainText(text: string, a: number, b: number, start: Point, end: Point): Text[] {
  return a < b ? [{ type: 'text', value: text.slice(a, b), position: { start, end } }] : [];
}

/**
 * The cell from the pipe at `from` to `to`, its content ending at `contentEnd`. (Offsets, not a
 * tuple: a first read runs this unoptimised, where destructuring allocates.)
 */
function cell(
  text: string,
  line: number,
  lineStart: number,
  from: number,
  to: number,
  contentEnd: number,
  base: Base,
): TableCell | null {
  let a = from + 1;
  let b = contentEnd;
  while (a < b && text.charCodeAt(a) === SPACE) a++;
  while (b > a && text.charCodeAt(b - 1) === SPACE) b--;
  const children = holdsMarkup(text, a, b)
    ? readInline(text, a, b, (offset) => point(line, lineStart, offset, base))
    : plainText(text, a, b, point(line, lineStart, a, base), point(line, lineStart, b, base));
  if (children === null) return null;
  return {
    type: 'tableCell',
    children,
    position: { start: point(line, lineStart, from, base), end: point(line, lineStart, to, base) },
  };
}

/**
 * The row node of body row `text[start, end)` on line `line` of `text`, positions moved by
 * `base` (where `text` starts in the document); null when micromark must read it (see the
 * module comment). Cells run from the pipe before them to the next pipe; the last one takes
 * the closing pipe and trailing white space. Rows keep the cells they have, as mdast does:
 * no padding to the header's count.
 */
export function readRow(
  text: string,
  start: number,
  end: number,
  line: number,
  base: Base = { line: 0, offset: 0 },
): TableRow | null {
  if (start >= end || text.charCodeAt(start) !== PIPE) return null;
  let contentEnd = end;
  while (contentEnd > start && text.charCodeAt(contentEnd - 1) === SPACE) contentEnd--;
  // Without a closing pipe, micromark keeps trailing white space in odd ways: leave it to it.
  if (contentEnd < end && text.charCodeAt(contentEnd - 1) !== PIPE) return null;
  if (contentEnd === start + 1 && contentEnd < end) return null;
  const pipes: number[] = [];
  for (let i = start; i < contentEnd; i++) {
    if (text.charCodeAt(i) !== PIPE) continue;
    if (text.charCodeAt(i - 1) === BACKSLASH) return null;
    pipes.push(i);
  }
  const closed = pipes.length > 1 && pipes.at(-1) === contentEnd - 1;
  const count = closed ? pipes.length - 1 : pipes.length;
  // Of its size from the start: an array grown by `push` has room for 17 elements from the
  // first, however few it holds, for as long as the tree is kept.
  const cells = new Array<TableCell>(count);
  for (let i = 0; i < count; i++) {
    const last = i === count - 1;
    const to = last ? end : pipes[i + 1]!;
    const read = cell(text, line, start, pipes[i]!, to, last && closed ? contentEnd - 1 : to, base);
    if (read === null) return null;
    cells[i] = read;
  }
  return {
    type: 'tableRow',
    children: cells,
    position: { start: point(line, start, start, base), end: point(line, start, end, base) },
  };
}
