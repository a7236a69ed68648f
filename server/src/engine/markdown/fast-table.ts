/**
 * Table rows read without micromark. A body row of a GFM table that starts with `|` and holds
 * no character that could start inline markup (or that micromark rewrites) is plain text cut
 * at its pipes: its `tableRow`, `tableCell` and `text` nodes, positions included, are built
 * here exactly as micromark and mdast-util-gfm-table build them, at a fraction of the cost.
 */
import type { Point } from 'unist';
import type { TableCell, TableRow } from 'mdast';

const PIPE = 124;
const SPACE = 32;

/** Character codes below 128 that may start markup: `` ` * _ \ [ ] < > ! & ~ $ @ ``. */
const MARKUP = new Uint8Array(128);
for (const c of '`*_\\[]<>!&~$@') MARKUP[c.charCodeAt(0)] = 1;
// Control characters (tab included): micromark expands tabs and replaces NUL.
for (let c = 0; c < 32; c++) MARKUP[c] = 1;
MARKUP[127] = 1;

/** Whether `text[start, end)` is a plain table row: see the module comment. */
export function isPlainRow(text: string, start: number, end: number): boolean {
  if (start >= end || text.charCodeAt(start) !== PIPE) return false;
  // Without a closing pipe, micromark keeps trailing white space in odd ways: leave it to it.
  if (text.charCodeAt(end - 1) === SPACE) {
    let last = end - 1;
    while (text.charCodeAt(last) === SPACE) last--;
    if (last === start || text.charCodeAt(last) !== PIPE) return false;
  }
  for (let i = start + 1; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c >= 128) continue;
    if (MARKUP[c] === 1) return false;
    // Autolink literals: `http://…`, `www.…` (emails need `@`, refused above).
    if (c === 58 && text.charCodeAt(i + 1) === 47 && text.charCodeAt(i + 2) === 47) return false;
    if ((c === 119 || c === 87) && text.slice(i, i + 4).toLowerCase() === 'www.') {
      return false;
    }
  }
  return true;
}

/** Where the text handed to `plainRow` starts in the document. */
interface Base {
  line: number;
  offset: number;
}

/** A point at `offset` of a line starting at `lineStart`, moved by `base`. */
function point(line: number, lineStart: number, offset: number, base: Base): Point {
  return { line: line + base.line, column: offset - lineStart + 1, offset: offset + base.offset };
}

function cell(
  text: string,
  line: number,
  lineStart: number,
  [from, to, contentEnd]: [number, number, number],
  base: Base,
): TableCell {
  let a = from + 1;
  let b = contentEnd;
  while (a < b && text.charCodeAt(a) === SPACE) a++;
  while (b > a && text.charCodeAt(b - 1) === SPACE) b--;
  return {
    type: 'tableCell',
    children:
      a < b
        ? [
            {
              type: 'text',
              value: text.slice(a, b),
              position: {
                start: point(line, lineStart, a, base),
                end: point(line, lineStart, b, base),
              },
            },
          ]
        : [],
    position: { start: point(line, lineStart, from, base), end: point(line, lineStart, to, base) },
  };
}

/**
 * The row node of plain row `text[start, end)` (see `isPlainRow`) on line `line` of `text`,
 * positions moved by `base` (where `text` starts in the document). Cells run from the pipe
 * before them to the next pipe; the last one takes the closing pipe and trailing white space.
 * Rows keep the cells they have, as mdast does: no padding to the header's count.
 */
export function plainRow(
  text: string,
  start: number,
  end: number,
  line: number,
  base: Base = { line: 0, offset: 0 },
): TableRow {
  let contentEnd = end;
  while (contentEnd > start && text.charCodeAt(contentEnd - 1) === SPACE) contentEnd--;
  const pipes: number[] = [];
  for (let i = start; i < contentEnd; i++) if (text.charCodeAt(i) === PIPE) pipes.push(i);
  const closed = pipes.length > 1 && pipes.at(-1) === contentEnd - 1;
  const cells: TableCell[] = [];
  const count = closed ? pipes.length - 1 : pipes.length;
  for (let i = 0; i < count; i++) {
    const last = i === count - 1;
    const to = last ? end : pipes[i + 1]!;
    const range: [number, number, number] = [pipes[i]!, to, last && closed ? contentEnd - 1 : to];
    cells.push(cell(text, line, start, range, base));
  }
  return {
    type: 'tableRow',
    children: cells,
    position: { start: point(line, start, start, base), end: point(line, start, end, base) },
  };
}
