/**
 * Whether a text is safe to parse in full, judged before parsing by one linear scan of its
 * lines. micromark is super-linear on some Markdown: its cost grows with the square of the
 * links and emphasis marks in one paragraph (`[a](b ` or `a*b_ ` repeated), of the HTML comments,
 * instructions and declarations it tries and never closes there (`<!--`, `<?`, `<!A`), and of the lines
 * of one paragraph; with every list or block quote that closes, and every setext heading,
 * times the lines before it (micromark moves every event read so far); and with the nesting
 * of each line, past a few thousand levels of which it overflows the stack. The scan follows
 * lists, block quotes, fenced code and tables the way CommonMark and GFM read them, closely
 * enough to estimate that work; a text whose estimate is over budget, or that is too large or
 * nested too deeply, gets the degraded analysis (`degraded.ts`) instead.
 *
 * The coefficients of `estimatedWork` were fitted on the full parse (`parseMarkdown`), so that
 * the estimate is at or above the measured time for every shape tried (within 1.5 times on
 * random mixtures of them): a text within the limits is analysed in about 4 s at most on the
 * machine measured (README, Reliability). The chunked parse of a session costs the same but
 * for the table rows it reads without micromark, which the estimate of that path prices at
 * what they cost there: which constructs count is the scan's, what they cost `estimatedWork`'s.
 */
import type { TextMeasure } from './scan';
import { ScanMemo, scanText } from './scan-blocks';

export { utf8Length } from '../markdown/utf8';

/** The limits, each measured: see the module comment and README. */
export const GUARD_LIMITS = {
  /** UTF-8 bytes of a document: a 2 MB report parses in about 4 s. */
  bytes: 2 * 1024 * 1024,
  /** Levels of lists and block quotes; no report needs more, and each level costs every line. */
  depth: 64,
  /** Estimated parse work, in microseconds of this machine's full parse (see `estimatedWork`). */
  work: 4_000_000,
} as const;

/** Why a text is not parsed in full. */
export type Hazard =
  | { kind: 'size'; bytes: number }
  | { kind: 'depth'; depth: number; line: number }
  | { kind: 'lines'; lines: number }
  | { kind: 'blocks'; closings: number }
  | { kind: 'paragraph'; lines: number; line: number }
  | { kind: 'markup'; marks: number; line: number };

/**
 * Measures a text by one scan of its lines (`lineStarts` from its `LineIndex`); stops where
 * nesting passes `maxDepth`.
 */
export function measureText(
  text: string,
  lineStarts: readonly number[],
  maxDepth: number = GUARD_LIMITS.depth,
): TextMeasure {
  return scanText(text, lineStarts, maxDepth);
}

/**
 * How a text is parsed: in full (`parseMarkdown`), or in chunks, which read the direct table
 * rows without micromark (`chunk-parser.ts`; a session without definitions in the text).
 */
export type ParsePath = 'full' | 'chunked';

/**
 * The estimated parse work of a measured text of `bytes` bytes, by kind, in microseconds, on
 * `path`. A direct row costs the chunked parse and the analysis after it about 8 us, a tenth
 * to a twentieth of what micromark takes (plain timelines of 2,000 to 20,000 rows), priced at
 * 10 like the rest, at or above what it measures.
 */
export function estimatedWork(bytes: number, measure: TextMeasure, path: ParsePath = 'full') {
  const direct = path === 'chunked' ? measure.directRows : { rows: 0, bytes: 0, cells: 0 };
  return {
    lines:
      0.8 * (bytes - direct.bytes) +
      40 * (measure.lines - measure.codeLines - direct.rows) +
      5 * measure.codeLines +
      10 * measure.containerLines +
      120 * measure.opened +
      40 * (measure.cells - direct.cells) +
      0.05 * direct.bytes +
      10 * direct.rows +
      2 * direct.cells,
    containers: 0.2 * measure.closingWork,
    paragraphs: 0.006 * measure.paragraphLineWork,
    markup: 0.02 * measure.markupWork,
  };
}

/**
 * Why `text` (lines at `lineStarts`) should not be parsed on `path`; null when it may be.
 * `memo`, kept for one document, scans again only what changed since the text it last read.
 */
export function assessText(
  text: string,
  lineStarts: readonly number[],
  path: ParsePath = 'full',
  memo: ScanMemo = new ScanMemo(),
): Hazard | null {
  const { bytes, measure } = memo.read(text, lineStarts, GUARD_LIMITS.bytes, GUARD_LIMITS.depth);
  if (!measure) return { kind: 'size', bytes };
  if (measure.depth > GUARD_LIMITS.depth) {
    return { kind: 'depth', depth: measure.depth, line: measure.depthLine };
  }
  const work = estimatedWork(bytes, measure, path);
  const total = work.lines + work.containers + work.paragraphs + work.markup;
  if (total <= GUARD_LIMITS.work) return null;
  const largest = Math.max(work.lines, work.containers, work.paragraphs, work.markup);
  if (largest === work.markup) return { kind: 'markup', ...measure.mostMarked };
  if (largest === work.paragraphs) return { kind: 'paragraph', ...measure.longestParagraph };
  if (largest === work.containers) return { kind: 'blocks', closings: measure.closings };
  return { kind: 'lines', lines: measure.lines };
}
