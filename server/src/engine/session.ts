/**
 * What incremental analysis keeps of one document between its versions: the guard's scan,
 * the parsed chunks (`parseIncrementally`) and the last timeline read. `analyze(text, config, session)` then
 * re-parses only the chunks whose text changed and re-uses the timeline when its section did
 * not change, and gives what `analyze(text, config)` gives for the same text.
 */
import type { Root } from 'mdast';
import { ScanMemo } from './guard/scan-blocks';
import { ParseCache } from './markdown/chunk-cache';
import { FindingMemo } from './rules/finding-memo';
import { mayHaveDefinitions } from './markdown/chunks';
import { parseIncrementally } from './markdown/incremental-parser';
import type { LineIndex } from './markdown/lines';
import type { TimelineReader } from './timeline/memo';
import { TimelineMemo } from './timeline/memo';

/** One version of a document as a session reads it: its tree and how to read its timeline. */
export interface Reading {
  tree: Root;
  timelineOf: TimelineReader;
}

/**
 * Keep one per open document. It holds the parse of the last version (shared with the
 * analyses it served, which must not be mutated): drop it for documents out of use to free
 * that memory. An analysis through a session is valid until the session's next analysis:
 * an edit within a table's rows moves the nodes of the last tree in place
 * (`markdown/splice.ts`), so keep what an older analysis says (its findings and
 * fixes, its metrics and summary) rather than its tree, or clone it.
 */
export class Session {
  private readonly cache = new ParseCache();
  private readonly timelines = new TimelineMemo();
  /** The guard's scan of the last text it measured (`guard/scan-blocks.ts`). */
  readonly scans = new ScanMemo();
  /** Each rule's findings of the last analysis, as given and as built (`rules/finding-memo.ts`). */
  readonly findings = new FindingMemo();

  /** The last text asked about and whether it is read in chunks. */
  private chunked: { text: string; chunked: boolean } | null = null;

  /**
   * Whether `read` parses `text` in chunks, with the fast paths: when it has no definitions,
   * which can change how links elsewhere read.
   */
  readsInChunks(text: string, lines: LineIndex): boolean {
    if (this.chunked?.text !== text) {
      this.chunked = { text, chunked: !mayHaveDefinitions(text, lines.lineStarts) };
    }
    return this.chunked.chunked;
  }

  /** Reads `text` (without a byte order mark), re-using and refilling what was kept. */
  read(text: string, lines: LineIndex): Reading {
    const whole = !this.readsInChunks(text, lines);
    return {
      tree: parseIncrementally(text, this.cache, lines, whole),
      timelineOf: this.timelines.reader(whole),
    };
  }
}

/** A session for a document about to be analysed version after version. */
export function createSession(): Session {
  return new Session();
}
