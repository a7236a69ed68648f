/**
 * Analysis of one document as it is edited: each call re-parses only the chunks whose text
 * changed (`parseIncrementally`), re-uses the timeline when its section did not change, and
 * gives what `analyze` gives for the same text.
 */
import type { Analysis } from './analyze';
import { analysisOf, buildModel, guardedAnalysis } from './analyze';
import type { LintConfig } from './model';
import { LineIndex } from './markdown/lines';
import { parseIncrementally } from './markdown/incremental-parser';
import { ParseCache } from './markdown/chunk-cache';
import { mayHaveDefinitions } from './markdown/chunks';
import { TimelineMemo } from './timeline/memo';

/**
 * Analyses successive versions of one document, re-using the work on what did not change.
 * Keep one per open document; results equal `analyze(text, config)`. It holds the parse of
 * the last version (shared with the analyses it returned, which must not be mutated): drop
 * it for documents out of use to free that memory.
 */
export class IncrementalAnalyzer {
  private readonly cache = new ParseCache();
  private readonly timelines = new TimelineMemo();

  /** Analyses `text` (without a byte order mark) under `config`. */
  analyze(text: string, config: LintConfig): Analysis {
    const lines = new LineIndex(text);
    const guarded = guardedAnalysis(text, config, lines);
    if (guarded) return guarded;
    const tree = parseIncrementally(text, this.cache, lines);
    const timelineOf = this.timelines.reader(mayHaveDefinitions(text));
    return analysisOf(buildModel(text, config, lines, tree, timelineOf), config);
  }
}
