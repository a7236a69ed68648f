/**
 * Parses one chunk of a document. GFM tables take a fast path: their body rows of text and
 * simple inline markup are read directly (`fast-table.ts`), the others by micromark in batches under the table's
 * header; the Markdown around each table is parsed on its own. The nodes equal those of the
 * whole document's parse, moved to where the chunk starts in the document.
 */
import type { RootContent, Table, TableRow } from 'mdast';
import { parseMarkdown } from './parse';
import { LineIndex } from './lines';
import { BlockScanner, isBlank, isColumnOneHeading, isDelimiterRow } from './block-scanner';
import type { Line } from './block-scanner';
import { readRow } from './fast-table';
import type { ParseCache } from './chunk-cache';
import { shifted, shiftInPlace } from './shift';
import { lineAt } from './chunks';
import { PIPE } from './chars';

/** Rows micromark reads in one call: enough to spread the cost of a call, few enough to stay linear. */
const BATCH_ROWS = 32;

/**
 * Thrown when a piece of a document parsed alone swallows the line that follows it: the
 * document was split where a block stays open, and must be parsed whole.
 */
export class SplitMismatch extends Error {}

/**
 * The nodes of `text` parsed alone. `followed`: in the document, a line in column 1 that
 * closes every open block comes next (a heading, or a table after a blank line). An empty
 * heading stands in for it, so that blocks end where they end in the document rather than
 * at the end of the text (a fence in a list item would take the last line ending).
 */
function parsePiece(text: string, followed: boolean): RootContent[] {
  if (!followed) return parseMarkdown(text).children;
  const children = parseMarkdown(`${text}#`).children;
  const sentinel = children.pop();
  if (
    sentinel?.type !== 'heading' ||
    sentinel.children.length > 0 ||
    sentinel.position?.start.offset !== text.length
  ) {
    throw new SplitMismatch('A split of the document left a block open');
  }
  return children;
}

/** A table the fast path reads: header on line `header`, body rows up to line `end` (exclusive). */
interface TableSpan {
  header: number;
  end: number;
  /** The table node of the header and delimiter rows, parsed and placed in the chunk. */
  head: Table;
}

class ChunkParser {
  private readonly lineStarts: number[];

  constructor(
    private readonly source: string,
    private readonly cache: ParseCache,
    /** Lines and characters before the chunk in the document. */
    private readonly base: { line: number; offset: number },
    /** Whether a heading follows the chunk in the document. */
    private readonly followed: boolean,
  ) {
    this.lineStarts = new LineIndex(source).lineStarts;
  }

  private line(index: number): Line {
    return lineAt(this.source, this.lineStarts, index);
  }

  private offsetOfLine(index: number): number {
    return this.lineStarts[index] ?? this.source.length;
  }

  /** Nodes of lines `[from, to)` parsed alone, placed in the document. */
  private markdown(from: number, to: number, out: RootContent[]): void {
    const start = this.offsetOfLine(from);
    const text = this.source.slice(start, this.offsetOfLine(to));
    if (/^[ \t\r\n]*$/.test(text)) return;
    const followed = to < this.lineStarts.length || this.followed;
    for (const node of parsePiece(text, followed)) {
      shiftInPlace(node, this.base.line + from, this.base.offset + start);
      out.push(node);
    }
  }

  /** The table starting on line `header`, when the fast path can read it. */
  private fastTable(header: number, atDocumentStart: boolean): TableSpan | null {
    const count = this.lineStarts.length;
    if (header + 2 >= count) return null;
    const before = header === 0 ? null : this.line(header - 1);
    const afterBreak =
      before === null
        ? atDocumentStart
        : isBlank(before) || (header === 1 && isColumnOneHeading(before));
    if (!afterBreak) return null;
    const delimiter = this.line(header + 1);
    if (
      this.source.charCodeAt(delimiter.start) !== PIPE ||
      !isDelimiterRow(this.source, delimiter.start, delimiter.end)
    ) {
      return null;
    }
    let end = header + 2;
    for (; end < count; end++) {
      const row = this.line(end);
      if (isBlank(row)) break;
      // Only rows that start with `|` surely stay in the table.
      if (this.source.charCodeAt(row.start) !== PIPE) return null;
    }
    if (end === header + 2) return null;
    const headText = this.source.slice(this.offsetOfLine(header), delimiter.end);
    const parsed = parseMarkdown(headText).children;
    const head = parsed[0];
    if (parsed.length !== 1 || head?.type !== 'table' || head.children.length !== 1) return null;
    shiftInPlace(head, this.base.line + header, this.base.offset + this.offsetOfLine(header));
    return { header, end, head };
  }

  /**
   * A row read before (`row`, where it was read), on line `index` of the chunk: itself where it
   * has not moved, else a copy moved there.
   */
  private place(row: TableRow, index: number): TableRow {
    const { start } = row.position!;
    const lines = this.base.line + index + 1 - start.line;
    const offset = this.base.offset + this.line(index).start - start.offset!;
    return lines === 0 && offset === 0 ? row : shifted(row, lines, offset);
  }

  /**
   * Reads rows `missing` (line indexes) by micromark under the table's header, into `rows`
   * (indexed from line `first`). False when micromark reads them otherwise than as one row per
   * line.
   */
  private micromarkRows(
    span: TableSpan,
    missing: number[],
    rows: TableRow[],
    first: number,
  ): boolean {
    this.cache.stats.micromarkRows += missing.length;
    const head = this.source.slice(this.offsetOfLine(span.header), this.line(span.header + 1).end);
    const read = readRowsByMicromark(
      head,
      missing.map((index) => {
        const line = this.line(index);
        const text = this.source.slice(line.start, line.end);
        return { text, line: this.base.line + index + 1, offset: this.base.offset + line.start };
      }),
    );
    if (!read) return false;
    for (const [i, index] of missing.entries()) rows[index - first] = read[i]!;
    return true;
  }

  /** The table node of `span`, or null when micromark reads its rows otherwise. */
  private table(span: TableSpan): Table | null {
    const first = span.header + 2;
    const rows: TableRow[] = [];
    const slow: number[] = [];
    const texts: string[] = [];
    const kept: (TableRow | undefined)[] = [];
    const { stats } = this.cache;
    for (let index = first; index < span.end; index++) {
      const line = this.line(index);
      const text = this.source.slice(line.start, line.end);
      texts.push(text);
      const known = this.cache.rows.get(text);
      kept.push(known);
      if (known) {
        rows[index - first] = this.place(known, index);
        stats.cachedRows++;
        continue;
      }
      const row = readRow(this.source, line.start, line.end, index + 1, this.base);
      if (row) {
        rows[index - first] = row;
        stats.directRows++;
      } else slow.push(index);
    }
    if (slow.length > 0 && !this.micromarkRows(span, slow, rows, first)) return null;
    // Kept where they are now (a table micromark reads otherwise has returned above); a row
    // taken in place is kept already.
    for (let i = 0; i < rows.length; i++) {
      const row = rows[i]!;
      if (kept[i] !== row) this.cache.rows.set(texts[i]!, row);
    }
    const header = span.head.children[0]!;
    return {
      type: 'table',
      align: span.head.align,
      children: [header, ...rows],
      position: {
        start: { ...header.position!.start },
        end: { ...rows.at(-1)!.position!.end },
      },
    };
  }

  /** The chunk's nodes, placed in the document. */
  parse(atDocumentStart: boolean): RootContent[] {
    const out: RootContent[] = [];
    const scanner = new BlockScanner(atDocumentStart);
    let from = 0;
    const count = this.lineStarts.length;
    for (let index = 0; index < count; index++) {
      const line = this.line(index);
      const span =
        this.source.charCodeAt(line.start) === PIPE && scanner.topLevel(line)
          ? this.fastTable(index, atDocumentStart)
          : null;
      const table = span && this.table(span);
      if (!span || !table) {
        scanner.advance(line);
        continue;
      }
      this.markdown(from, index, out);
      out.push(table);
      for (; index < span.end; index++) scanner.advance(this.line(index));
      from = span.end;
      index = span.end - 1;
    }
    this.markdown(from, count, out);
    return out;
  }
}

/** A table body row to read: its text, and the line (1-based) and offset it starts at. */
export interface BodyRow {
  text: string;
  line: number;
  offset: number;
}

/**
 * Body rows read by micromark under a table's `head` (its header and delimiter rows), in
 * batches, each placed where it starts; null when micromark reads them otherwise than as one
 * row per line.
 */
export function readRowsByMicromark(head: string, rows: BodyRow[]): TableRow[] | null {
  const out: TableRow[] = [];
  for (let batch = 0; batch < rows.length; batch += BATCH_ROWS) {
    const texts = rows.slice(batch, batch + BATCH_ROWS);
    // The header and delimiter take lines 1 and 2; row `i` is on line `3 + i`.
    const offsets: number[] = [];
    let text = head;
    for (const row of texts) {
      text += '\n';
      offsets.push(text.length);
      text += row.text;
    }
    const table = parseMarkdown(text).children[0];
    if (table?.type !== 'table' || table.children.length !== texts.length + 1) return null;
    for (let i = 0; i < texts.length; i++) {
      const node = table.children[i + 1]!;
      if (node.position?.start.line !== 3 + i) return null;
      shiftInPlace(node, texts[i]!.line - 3 - i, texts[i]!.offset - offsets[i]!);
      out.push(node);
    }
  }
  return out;
}

/**
 * The nodes of `source`, a chunk of a document that starts on line `base.line + 1` at offset
 * `base.offset` (a chunk at offset 0 may open with front matter); `followed`: a heading
 * follows it. `whole`: parse it in one piece, without fast paths. Throws `SplitMismatch`
 * when the chunk leaves a block open.
 */
export function parseChunk(
  source: string,
  {
    base,
    followed,
    whole,
  }: { base: { line: number; offset: number }; followed: boolean; whole: boolean },
  cache: ParseCache,
): RootContent[] {
  if (!whole) return new ChunkParser(source, cache, base, followed).parse(base.offset === 0);
  const nodes = parsePiece(source, followed);
  for (const node of nodes) shiftInPlace(node, base.line, base.offset);
  return nodes;
}
