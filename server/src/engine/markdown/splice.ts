/**
 * An edit spliced into the last parse's tree, when it lies within one chunk: what it changed
 * is read again and everything after it is moved in place, everything before it kept as it
 * is, and the text is not split into chunks again.
 *
 * - Within the body rows of one table, only those rows are read: a body row reads the same
 *   under the same header wherever it is, and a line that starts with `|` opens and closes no
 *   block.
 * - Elsewhere in a chunk whose new text is still one chunk (no heading there starts another,
 *   and it leaves the heading after it at the top level), that chunk is parsed again.
 *
 * The tree equals a parse of the new text. Its nodes are moved, not copied: a tree returned
 * before stays as it was only until this parse.
 */
import type { RootContent, Table, TableRow } from 'mdast';
import type { LastChunk, ParseCache } from './chunk-cache';
import type { BodyRow } from './chunk-parser';
import { readRowsByMicromark } from './chunk-parser';
import type { Chunk } from './chunks';
import { chunkKey, lineAt } from './chunks';
import { BlockScanner, isColumnOneHeading } from './block-scanner';
import { placeChunk } from './place-chunk';
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

/** What an edit did to the lines: the old lines `[first, lastOld]` are now `[first, lastNew]`. */
interface LineChange {
  first: number;
  lastOld: number;
  lastNew: number;
  lineDelta: number;
  offsetDelta: number;
}

/**
 * The table rows the edit changed, read again in `nodes` (a chunk's); false when the edit
 * is not within the body rows of one of its tables.
 */
function spliceRows(
  nodes: RootContent[],
  old: LineIndex,
  lines: LineIndex,
  { first, lastOld, lastNew, lineDelta, offsetDelta }: LineChange,
  cache: ParseCache,
): boolean {
  if (lastNew - first >= MAX_ROWS) return false;
  const tableAt = nodes.findIndex(
    (node) => node.type === 'table' && holdsRows(node as Table, old, first, lastOld),
  );
  const table = nodes[tableAt] as Table | undefined;
  if (!table) return false;
  const read = readRows(table, lines, first, lastNew);
  if (!read) return false;
  const fresh = read.rows;
  const moved = lineDelta !== 0 || offsetDelta !== 0;
  const rows = table.children;
  const start = first - table.children[0]!.position!.start.line;
  rows.splice(start, lastOld - first + 1, ...fresh);
  const after = start + fresh.length;
  if (moved) {
    for (let i = after; i < rows.length; i++) moveInPlace(rows[i]!, lineDelta, offsetDelta);
  }
  if (after === rows.length) table.position!.end = { ...fresh.at(-1)!.position!.end };
  else if (moved) {
    table.position!.end.line += lineDelta;
    table.position!.end.offset! += offsetDelta;
  }
  if (moved) {
    for (let i = tableAt + 1; i < nodes.length; i++) {
      moveInPlace(nodes[i]!, lineDelta, offsetDelta);
    }
  }
  for (const [i, row] of fresh.entries()) cache.rows.set(read.texts[i]!, row);
  cache.stats.splicedRows += fresh.length;
  return true;
}

/**
 * Whether lines `[chunk.startLine, chunk.endLine)` of the new text are one chunk, as
 * `splitChunks` would split it: no heading after its first line stands at the top level, and
 * the heading after it (if any) does. `atDocumentStart`: it is the first chunk.
 */
function staysOneChunk(lines: LineIndex, chunk: Chunk, atDocumentStart: boolean): boolean {
  const { text, lineStarts } = lines;
  const scanner = new BlockScanner(atDocumentStart);
  for (let index = chunk.startLine; index < chunk.endLine; index++) {
    const line = lineAt(text, lineStarts, index);
    const heading = isColumnOneHeading(line);
    if (index === chunk.startLine && !atDocumentStart && !heading) return false;
    if (index > chunk.startLine && heading && scanner.topLevel(line)) return false;
    scanner.advance(line);
  }
  return (
    chunk.endLine >= lineStarts.length || scanner.topLevel(lineAt(text, lineStarts, chunk.endLine))
  );
}

/** The chunk of the last parse that holds the change, and where it is in the new text. */
function editedChunk(
  chunks: LastChunk[],
  { first, lastOld, lineDelta, offsetDelta }: LineChange,
  length: number,
): { at: number; chunk: Chunk } | null {
  const at = chunks.findIndex(({ chunk }) => chunk.startLine <= first && lastOld < chunk.endLine);
  const chunk = chunks[at]?.chunk;
  if (!chunk) return null;
  return {
    at,
    chunk: {
      startLine: chunk.startLine,
      endLine: chunk.endLine + lineDelta,
      start: chunk.start,
      end: at === chunks.length - 1 ? length : chunk.end + offsetDelta,
    },
  };
}

/**
 * The top-level nodes of `lines.text` from the last parse in `cache` when the edit since it
 * lies within one chunk (see the module comment); null when it does not (the caller parses).
 * Updates the cache as a parse would. Throws `SplitMismatch` as `parseChunk` does.
 */
export function spliceEdit(cache: ParseCache, lines: LineIndex): RootContent[] | null {
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
  const lineChange = {
    first,
    lastOld,
    lastNew,
    lineDelta,
    offsetDelta: lines.text.length - old.text.length,
  };
  const edited = editedChunk(last.chunks, lineChange, lines.text.length);
  if (!edited) return null;
  const { at, chunk } = edited;
  const kept = last.chunks[at]!;
  let placed: LastChunk;
  if (spliceRows(kept.placed.nodes, old, lines, lineChange, cache)) {
    placed = { chunk, key: chunkKey(lines.text, chunk), placed: kept.placed };
  } else if (staysOneChunk(lines, chunk, at === 0)) {
    placed = placeChunk(lines.text, chunk, cache, false);
  } else return null;
  const chunks = [...last.chunks.slice(0, at), placed];
  const { lineDelta: lines_, offsetDelta } = lineChange;
  const moved = lines_ !== 0 || offsetDelta !== 0;
  for (const next of last.chunks.slice(at + 1)) {
    const { chunk: was, key, placed: nodes } = next;
    if (moved) {
      for (const node of nodes.nodes) moveInPlace(node, lines_, offsetDelta);
      nodes.line += lines_;
      nodes.offset += offsetDelta;
    }
    const chunk = {
      startLine: was.startLine + lines_,
      endLine: was.endLine + lines_,
      start: was.start + offsetDelta,
      end: was.end + offsetDelta,
    };
    chunks.push({ chunk, key, placed: nodes });
  }
  const children: RootContent[] = [];
  for (const { placed: nodes } of chunks) for (const node of nodes.nodes) children.push(node);
  // Other versions' chunks may share the nodes just moved: only this version's are kept.
  cache.chunks.keepOnly(chunks.map(({ key, placed: nodes }) => [key, nodes]));
  cache.last = { lines, chunks };
  cache.stats.splices++;
  return children;
}
