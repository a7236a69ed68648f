/**
 * An edit confined to the body rows of one table, spliced into the last parse's tree: those
 * rows are read again, everything after them is moved in place, everything before is kept as
 * it is, and the text is neither split into chunks nor looked up row by row again. A table's
 * body row reads the same under the same header wherever it is, and a line that starts with
 * `|` opens and closes no block, so the tree equals a parse of the new text. The nodes are
 * moved, not copied: a tree returned before stays as it was only until this parse.
 */
import type { RootContent, Table, TableRow } from 'mdast';
import type { LastChunk, ParseCache } from './chunk-cache';
import type { BodyRow } from './chunk-parser';
import { readRowsByMicromark } from './chunk-parser';
import { chunkKey, lineAt } from './chunks';
import { PIPE } from './chars';
import { readRow } from './fast-table';
import type { LineIndex } from './lines';
import { moveInPlace } from './shift';
import { changedRange } from './text-change';

/** Rows an edit may bring, at most, for the splice to read them (a paste of more reads all). */
const MAX_ROWS = 1000;

/** Whether 0-based lines `[first, last]` are all body rows of `table`, each starting with `|`. */
function holdsRows(table: Table, lines: LineIndex, first: number, last: number): boolean {
  const rows = table.children;
  const header = rows[0]?.position;
  if (!header || header.start.column !== 1 || rows.length < 2) return false;
  // Body row `i` (from 1) of a table whose rows are consecutive lines is on line `header + i`.
  const headerLine = header.start.line - 1;
  if (
    rows[1]!.position?.start.line !== headerLine + 3 ||
    rows.at(-1)!.position?.start.line !== headerLine + rows.length + 1
  ) {
    return false;
  }
  if (first <= headerLine + 1 || last > headerLine + rows.length) return false;
  for (let line = first; line <= last; line++) {
    if (lines.text.charCodeAt(lines.lineStarts[line]!) !== PIPE) return false;
  }
  return true;
}

/**
 * The rows of 0-based lines `[first, last]` of the new text, read directly or by micromark
 * under the table's header, with their texts; null when a line is not a body row.
 */
function readRows(
  table: Table,
  lines: LineIndex,
  first: number,
  last: number,
): { rows: TableRow[]; texts: string[] } | null {
  const { text, lineStarts } = lines;
  const read: (TableRow | null)[] = [];
  const texts: string[] = [];
  const slow: BodyRow[] = [];
  for (let index = first; index <= last; index++) {
    const line = lineAt(text, lineStarts, index);
    if (line.start >= line.end || text.charCodeAt(line.start) !== PIPE) return null;
    const row = readRow(text, line.start, line.end, index + 1);
    texts.push(text.slice(line.start, line.end));
    read.push(row);
    if (!row) slow.push({ text: texts.at(-1)!, line: index + 1, offset: line.start });
  }
  if (slow.length > 0) {
    const headerLine = table.children[0]!.position!.start.line - 1;
    const head = text.slice(lineStarts[headerLine]!, lines.lineEnd(headerLine + 2));
    const byMicromark = readRowsByMicromark(head, slow);
    if (!byMicromark) return null;
    let next = 0;
    for (let i = 0; i < read.length; i++) read[i] ??= byMicromark[next++]!;
  }
  return { rows: read as TableRow[], texts };
}

/**
 * The top-level nodes of `lines.text` from the last parse in `cache` when the edit since it
 * lies within the body rows of one table; null when it does not (the caller parses). Updates
 * the cache as a parse would.
 */
export function spliceRows(cache: ParseCache, lines: LineIndex): RootContent[] | null {
  const last = cache.last;
  if (!last) return null;
  const old = last.lines;
  const change = changedRange(old.text, lines.text);
  if (!change) return null;
  const first = old.lineIndexOf(change.start);
  const lastOld = old.lineIndexOf(change.end);
  const lastNew = lines.lineIndexOf(change.newEnd);
  const lineDelta = lastNew - lastOld;
  if (old.lineStarts.length + lineDelta !== lines.lineStarts.length) return null;
  if (lastNew - first >= MAX_ROWS) return null;
  const at = last.chunks.findIndex(
    ({ chunk }) => chunk.startLine <= first && lastOld < chunk.endLine,
  );
  const edited = last.chunks[at];
  if (!edited) return null;
  const nodes = edited.placed.nodes;
  const tableAt = nodes.findIndex(
    (node) => node.type === 'table' && holdsRows(node as Table, old, first, lastOld),
  );
  const table = nodes[tableAt] as Table | undefined;
  if (!table) return null;
  const read = readRows(table, lines, first, lastNew);
  if (!read) return null;
  const fresh = read.rows;

  const offsetDelta = lines.text.length - old.text.length;
  const moved = lineDelta !== 0 || offsetDelta !== 0;
  const rows = table.children;
  const start = first - table.children[0]!.position!.start.line;
  rows.splice(start, lastOld - first + 1, ...fresh);
  const after = start + fresh.length;
  if (moved)
    for (let i = after; i < rows.length; i++) moveInPlace(rows[i]!, lineDelta, offsetDelta);
  if (after === rows.length) table.position!.end = { ...fresh.at(-1)!.position!.end };
  else if (moved) {
    table.position!.end.line += lineDelta;
    table.position!.end.offset! += offsetDelta;
  }
  if (moved)
    for (let i = tableAt + 1; i < nodes.length; i++) moveInPlace(nodes[i]!, lineDelta, offsetDelta);

  const chunks: LastChunk[] = [];
  const children: RootContent[] = [];
  for (const [index, kept] of last.chunks.entries()) {
    let { chunk } = kept;
    if (index >= at) {
      chunk = {
        startLine: index === at ? chunk.startLine : chunk.startLine + lineDelta,
        endLine: chunk.endLine + lineDelta,
        start: index === at ? chunk.start : chunk.start + offsetDelta,
        end: chunk.end + offsetDelta,
      };
    }
    if (index > at && moved) {
      for (const node of kept.placed.nodes) moveInPlace(node, lineDelta, offsetDelta);
      kept.placed.line = chunk.startLine;
      kept.placed.offset = chunk.start;
    }
    const key = index === at ? chunkKey(lines.text, chunk) : kept.key;
    chunks.push({ chunk, key, placed: kept.placed });
    for (const node of kept.placed.nodes) children.push(node);
  }
  // Other versions' chunks may share the nodes just moved: only this version's are kept.
  cache.chunks.keepOnly(chunks.map(({ key, placed }) => [key, placed]));
  for (const [i, row] of fresh.entries()) cache.rows.set(read.texts[i]!, row);
  cache.last = { lines, chunks };
  cache.stats.splices++;
  cache.stats.splicedRows += fresh.length;
  return children;
}
