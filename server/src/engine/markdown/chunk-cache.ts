/**
 * What an incremental parse keeps between calls: the nodes of each chunk and of each table
 * body row (by their text) where they were last placed. Both are least-recently-used maps
 * bounded by the characters of their keys.
 */
import type { RootContent, TableRow } from 'mdast';
import type { Chunk } from './chunks';
import type { LineIndex } from './lines';

/** A chunk's nodes, placed at `line` (0-based) and `offset` of the document. */
export interface PlacedChunk {
  nodes: RootContent[];
  line: number;
  offset: number;
}

/** A chunk of the last parse: where it is, its key in the cache and its nodes. */
export interface LastChunk {
  chunk: Chunk;
  key: string;
  placed: PlacedChunk;
}

/** The last parse in chunks: its lines (and text) and chunks, for the next to splice into. */
export interface LastParse {
  lines: LineIndex;
  chunks: LastChunk[];
}

class LruByLength<V> {
  private readonly entries = new Map<string, V>();
  private chars = 0;

  get(key: string): V | undefined {
    const value = this.entries.get(key);
    if (value !== undefined) {
      this.entries.delete(key);
      this.entries.set(key, value);
    }
    return value;
  }

  set(key: string, value: V): void {
    if (!this.entries.delete(key)) this.chars += key.length;
    this.entries.set(key, value);
  }

  /** Drops the least recently used entries until the keys hold at most `chars` characters. */
  trim(chars: number): void {
    for (const key of this.entries.keys()) {
      if (this.chars <= chars) return;
      this.entries.delete(key);
      this.chars -= key.length;
    }
  }

  get size(): number {
    return this.entries.size;
  }

  /** Keeps only `kept`, in that order (the last most recently used). */
  keepOnly(kept: [string, V][]): void {
    this.entries.clear();
    this.chars = 0;
    for (const [key, value] of kept) this.set(key, value);
  }
}

/**
 * The cache of `parseIncrementally`. One per document is the intended use: it keeps the last
 * placement of each chunk, and the nodes it hands out are shared with the trees it returned,
 * which must therefore not be mutated. An edit spliced into the last tree moves its nodes in
 * place (`splice.ts`): a tree returned stays as it was only until the next parse.
 */
export class ParseCache {
  readonly chunks = new LruByLength<PlacedChunk>();
  /** Table body rows read directly or by micromark, where they were last placed. */
  readonly rows = new LruByLength<TableRow>();
  /** The last parse in chunks; null after a parse in one piece. */
  last: LastParse | null = null;
  /** What the parses through this cache did, for tests and the benchmark. */
  readonly stats = {
    /** Chunks parsed, and taken from the cache as they were or moved. */
    chunksParsed: 0,
    chunksReused: 0,
    chunksMoved: 0,
    /** Table body rows read directly (`fast-table.ts`), by micromark, and from the row cache. */
    directRows: 0,
    micromarkRows: 0,
    cachedRows: 0,
    /** Edits spliced into the last tree (`splice.ts`), and the rows they read. */
    splices: 0,
    splicedRows: 0,
  };

  /** Keeps what a document of `length` characters and one earlier version of it need. */
  trimFor(length: number): void {
    const floor = 64 * 1024;
    this.chunks.trim(Math.max(2 * length, floor));
    this.rows.trim(Math.max(length, floor));
  }
}
