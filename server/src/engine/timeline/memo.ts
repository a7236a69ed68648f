/**
 * The timeline of the last analysis, re-used while the text of the timeline's scope (its
 * section and the parts that continue it), the blocks it parses into, the configuration and
 * the document dates it is read under stay the same: an edit elsewhere only moves its entries
 * (in place: an analysis through a session holds until the next, `session.ts`).
 * An edit inside it reads the timeline again, taking what each unchanged row and event says
 * from the last read.
 */
import type { LintConfig, Point, Timeline, TimelineScope } from '../model';
import type { LineIndex } from '../markdown/lines';
import type { DocumentDates } from './document-dates';
import type { TimelineMemos } from './read';
import { readTimeline } from './read';
import { moveEntry } from './move-entry';
import { GenerationMemo } from './row-memo';

/**
 * The scope's blocks, by type and place from its start: the same text parses differently when
 * what comes before changes how it reads (a front-matter fence closed or not).
 */
function shapeOf(scope: TimelineScope): string {
  const base = scope.span.start.offset;
  return scope.nodes
    .map((node) => {
      const { start, end } = node.position!;
      return `${node.type} ${start.offset! - base} ${end.offset! - base}`;
    })
    .join('\n');
}

/** What a timeline was read from, and where its section started. */
interface Read {
  source: string;
  shape: string;
  configuration: string;
  start: Point;
  timeline: Timeline;
}

/** Reads the timeline of a scope, as `readTimeline` does. */
export type TimelineReader = typeof readTimeline;

/**
 * Reads timelines like `readTimeline`, re-using the last one read when its scope has the
 * same text (from the same column) and blocks under the same zone and keywords, and else what
 * its rows said. Only for documents without definitions: a definition elsewhere can change how
 * the section's links read.
 */
export class TimelineMemo {
  private last: Read | null = null;
  /** Row readings and keyword guesses of the last read, under its configuration. */
  private memos: TimelineMemos & { configuration: string } = TimelineMemo.memosFor('');

  /** Table rows read anew (not from the memo) under the current configuration, for tests. */
  get rowsRead(): number {
    return this.memos.rows.misses;
  }

  private static memosFor(configuration: string): TimelineMemos & { configuration: string } {
    return {
      rows: new GenerationMemo(),
      tables: [],
      guesses: new GenerationMemo(),
      configuration,
    };
  }

  /** A `readTimeline` for a document that `mayHaveDefinitions` (false: the memo is used). */
  reader(mayHaveDefinitions: boolean): TimelineReader {
    return (
      scope: TimelineScope,
      lines: LineIndex,
      config: LintConfig,
      dates?: DocumentDates,
    ): Timeline => {
      const start = scope.span.start;
      const source = lines.text.slice(start.offset, scope.span.end.offset);
      const shape = shapeOf(scope);
      const configuration = JSON.stringify([config.timeZone, config.milestoneKeywords, dates]);
      const last = this.last;
      let timeline: Timeline;
      if (
        !mayHaveDefinitions &&
        last !== null &&
        last.source === source &&
        last.shape === shape &&
        last.configuration === configuration &&
        last.start.column === start.column
      ) {
        const lineDelta = start.line - last.start.line;
        const offsetDelta = start.offset - last.start.offset;
        for (const entry of last.timeline.entries) moveEntry(entry, lineDelta, offsetDelta);
        timeline = { ...last.timeline, ...scope };
      } else if (mayHaveDefinitions) {
        timeline = readTimeline(scope, lines, config, dates);
      } else {
        if (this.memos.configuration !== configuration) {
          this.memos = TimelineMemo.memosFor(configuration);
        }
        this.memos.rows.rotate();
        this.memos.guesses.rotate();
        timeline = readTimeline(scope, lines, config, dates, this.memos);
      }
      // The newest timeline is kept, not the first: it holds the newest tree, not an old one.
      this.last = { source, shape, configuration, start, timeline };
      return timeline;
    };
  }
}
