/** One chunk of a document placed where it is: from the cache, moved there, or parsed. */
import type { LastChunk, ParseCache } from './chunk-cache';
import { parseChunk } from './chunk-parser';
import type { Chunk } from './chunks';
import { chunkKey } from './chunks';
import { shifted } from './shift';

/**
 * The nodes of `chunk` of `text`: the cached ones where they did not move, a moved copy of
 * them, or a parse (`whole`: without fast paths), kept in `cache`. Throws `SplitMismatch` when
 * the chunk leaves a block open.
 */
export function placeChunk(
  text: string,
  chunk: Chunk,
  cache: ParseCache,
  whole: boolean,
): LastChunk {
  const followed = chunk.end < text.length;
  const key = chunkKey(text, chunk);
  let placed = cache.chunks.get(key);
  if (!placed) {
    const source = followed ? key : key.slice(0, -1);
    const base = { line: chunk.startLine, offset: chunk.start };
    const nodes = parseChunk(source, { base, followed, whole }, cache);
    placed = { nodes, line: chunk.startLine, offset: chunk.start };
    cache.chunks.set(key, placed);
    cache.stats.chunksParsed++;
  } else if (placed.line === chunk.startLine && placed.offset === chunk.start) {
    cache.stats.chunksReused++;
  } else {
    cache.stats.chunksMoved++;
    const lineDelta = chunk.startLine - placed.line;
    const offsetDelta = chunk.start - placed.offset;
    const nodes = placed.nodes.map((node) => shifted(node, lineDelta, offsetDelta));
    placed = { nodes, line: chunk.startLine, offset: chunk.start };
    cache.chunks.set(key, placed);
  }
  return { chunk, key, placed };
}
