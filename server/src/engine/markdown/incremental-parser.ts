/**
 * Parses a document from its chunks (`chunks.ts`), re-using the nodes of chunks whose text is
 * in the cache: unchanged chunks cost a copy with shifted positions, or nothing where they did
 * not move. An edit within the body rows of a table is spliced into the last tree instead
 * (`splice.ts`). The tree equals `parseMarkdown(text)`.
 */
import type { Root, RootContent } from 'mdast';
import { LineIndex } from './lines';
import { parseMarkdown } from './parse';
import { SplitMismatch } from './chunk-parser';
import type { LastChunk, ParseCache } from './chunk-cache';
import { mayHaveDefinitions, splitChunks } from './chunks';
import { placeChunk } from './place-chunk';
import { spliceEdit } from './splice';

/**
 * Parses `text` (without a byte order mark) into mdast, like `parseMarkdown`, re-using and
 * refilling `cache`. The returned tree shares nodes with the cache: do not mutate it, and do
 * not read it after the next parse through the same cache, which may move its nodes. `whole`:
 * whether the text may hold definitions (`mayHaveDefinitions`), when the caller knows.
 */
export function parseIncrementally(
  text: string,
  cache: ParseCache,
  lines: LineIndex = new LineIndex(text),
  whole = mayHaveDefinitions(text, lines.lineStarts),
): Root {
  let children: RootContent[] | null = whole ? null : spliceEdit(cache, lines);
  try {
    children ??= parseChunks(text, cache, lines, whole);
  } catch (error) {
    if (!(error instanceof SplitMismatch)) throw error;
    // The scanner split where a block stays open: the whole parse is the safe answer.
    cache.last = null;
    children = parseMarkdown(text).children;
  }
  cache.trimFor(text.length);
  return {
    type: 'root',
    children,
    position: { start: { line: 1, column: 1, offset: 0 }, end: lines.point(text.length) },
  };
}

function parseChunks(
  text: string,
  cache: ParseCache,
  lines: LineIndex,
  mayDefine: boolean,
): RootContent[] {
  const { chunks, whole } = splitChunks(text, lines.lineStarts, mayDefine);
  const children: RootContent[] = [];
  const placedChunks: LastChunk[] = [];
  cache.last = null;
  for (const chunk of chunks) {
    const placed = placeChunk(text, chunk, cache, whole);
    placedChunks.push(placed);
    for (const node of placed.placed.nodes) children.push(node);
  }
  if (!whole) cache.last = { lines, chunks: placedChunks };
  return children;
}
