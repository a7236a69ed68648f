/**
 * Splits a document into chunks that Markdown parses independently: each chunk after the
 * first starts at an ATX heading in column 1 that stands at the top level (outside fenced code,
 * HTML blocks and front matter). Such a heading closes every open block, so parsing each chunk
 * alone gives the nodes of the whole parse, positions shifted by where the chunk starts.
 */
import { BlockScanner, isColumnOneHeading } from './block-scanner';
import type { Line } from './block-scanner';
import { CR, LF } from './chars';

/** Lines `[startLine, endLine)` (0-based) of a document: text `[start, end)`. */
export interface Chunk {
  startLine: number;
  endLine: number;
  start: number;
  end: number;
}

/**
 * The key a chunk of `text` is cached under: its text, marked when nothing follows it (what
 * follows a chunk changes how its last blocks end).
 */
export function chunkKey(text: string, chunk: Chunk): string {
  const source = text.slice(chunk.start, chunk.end);
  return chunk.end < text.length ? source : `${source}\u0000`;
}

/** Line `index` (0-based) of a text whose lines start at `lineStarts`, without its line ending. */
export function lineAt(text: string, lineStarts: readonly number[], index: number): Line {
  const start = lineStarts[index]!;
  let end = lineStarts[index + 1] ?? text.length;
  if (end > start && text.charCodeAt(end - 1) === LF) end--;
  if (end > start && text.charCodeAt(end - 1) === CR) end--;
  return { text, start, end };
}

/** A line that may start a definition: `[label]:`, possibly in a list item or block quote. */
const DEFINITION_START = /^[ \t>]*(?:(?:[-*+]|\d{1,9}[.)])[ \t>]+)*\[/;

/**
 * Whether the text may hold a link reference or footnote definition. Definitions resolve
 * across the whole document, so such a document is parsed in one piece. Errs on the side of
 * yes: a line starting with `[` followed by `]:` before the next blank line. One pass over the
 * lines from the end, however many lines start with `[`.
 */
export function mayHaveDefinitions(text: string, lineStarts: readonly number[]): boolean {
  if (!text.includes(']:')) return false;
  const lineText = (index: number): string => {
    const { start, end } = lineAt(text, lineStarts, index);
    return text.slice(start, end);
  };
  // Whether `]:` stands in the line below the current one or in the lines after it before a
  // blank line.
  let below = false;
  for (let index = lineStarts.length - 1; index >= 0; index--) {
    const line = lineText(index);
    const match = DEFINITION_START.exec(line);
    if (match && (line.includes(']:', match[0].length - 1) || below)) return true;
    below = line.trim() !== '' && (line.includes(']:') || below);
  }
  return false;
}

/**
 * The chunks of a document, in order, covering all of it. `whole`: the document may hold
 * definitions and must be parsed in one piece (one chunk, no fast paths).
 */
export function splitChunks(
  text: string,
  lineStarts: readonly number[],
  whole = mayHaveDefinitions(text, lineStarts),
): { chunks: Chunk[]; whole: boolean } {
  if (whole) {
    const all = { startLine: 0, endLine: lineStarts.length, start: 0, end: text.length };
    return { chunks: [all], whole: true };
  }
  const chunks: Chunk[] = [];
  const scanner = new BlockScanner(true);
  let startLine = 0;
  for (let index = 0; index < lineStarts.length; index++) {
    const line = lineAt(text, lineStarts, index);
    if (index > startLine && isColumnOneHeading(line) && scanner.topLevel(line)) {
      chunks.push({
        startLine,
        endLine: index,
        start: lineStarts[startLine]!,
        end: lineStarts[index]!,
      });
      startLine = index;
    }
    scanner.advance(line);
  }
  chunks.push({
    startLine,
    endLine: lineStarts.length,
    start: lineStarts[startLine]!,
    end: text.length,
  });
  return { chunks, whole: false };
}
