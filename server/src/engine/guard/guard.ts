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
import {
  BACKSLASH,
  BANG,
  DASH,
  EQUALS,
  GREATER_THAN,
  HASH,
  isBlankRange,
  isSpaceOrTab,
  LESS_THAN,
  QUESTION,
  nextColumn,
  PIPE,
  PLUS,
  SPACE,
  STAR,
  TAB,
  UNDERSCORE,
} from '../markdown/chars';
import {
  closesFenceAt,
  htmlEnds,
  isDelimiterRow,
  openingFence,
  openingHtml,
} from '../markdown/block-scanner';
import { holdsMarkup } from '../markdown/fast-inline';
import { lineAt } from '../markdown/chunks';

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

/** What the scan measures of a text. */
export interface TextMeasure {
  lines: number;
  /** Lines of fenced or indented code: micromark reads them without looking inside. */
  codeLines: number;
  /** Lists and block quotes each line is in, summed over lines. */
  containerLines: number;
  /** List items, block quotes and thematic breaks: the blocks that cost most per line. */
  opened: number;
  /** Cells of table rows. */
  cells: number;
  /**
   * Of those, the body rows the chunked parse reads without micromark (`fast-table.ts`): rows
   * of top-level tables whose every row starts with `|`, holding no character of markup.
   */
  directRows: { rows: number; bytes: number; cells: number };
  /** Deepest nesting of lists and block quotes (the scan stops past the limit), and its line. */
  depth: number;
  depthLine: number;
  /**
   * Lists and block quotes closed before the end (other than a list item by its sibling), and
   * setext headings: each makes micromark move the events read so far.
   */
  closings: number;
  /** The sum, over closings, of the lines before them weighted by their containers. */
  closingWork: number;
  /** Over paragraphs, table rows and headings: the sums of their lines and marks squared. */
  paragraphLineWork: number;
  markupWork: number;
  /** The paragraph with the most lines, and the one with the most marks: size and first line. */
  longestParagraph: { lines: number; line: number };
  mostMarked: { marks: number; line: number };
}

/** Characters that open or close inline markup micromark must match: `` * _ [ ] ` ~ ``. */
const MARK = new Uint8Array(128);
for (const c of '*_[]`~') MARK[c.charCodeAt(0)] = 1;
/**
 * `<!` and `<?` open raw HTML that micromark reads to the end of the paragraph when it does not
 * close, each costing about three marks (measured on `<!--`, `<?`, `<!A`, `<![CDATA[`).
 */
const HTML_MARK_WEIGHT = 3;

/** UTF-8 bytes of a text (lone surrogates count as the replacement character's 3). */
export function utf8Length(text: string): number {
  let bytes = text.length;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) continue;
    if (c < 0x800) bytes += 1;
    else if (c >= 0xd800 && c <= 0xdbff && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      // A pair: 2 units, 4 bytes.
      bytes += 2;
      i++;
    } else bytes += 2;
  }
  return bytes;
}

/** An open list item (`width`: columns from its start to its content) or block quote. */
interface Container {
  quote: boolean;
  width: number;
}

/** A place in a line: character index and column (tabs stop every 4 columns). */
interface Cursor {
  i: number;
  col: number;
}

function advance(text: string, at: Cursor): void {
  at.col = nextColumn(text.charCodeAt(at.i), at.col);
  at.i++;
}

/** Skips spaces and tabs up to `max` columns past `at` (a tab that would overshoot stops). */
function skipSpaces(text: string, at: Cursor, end: number, max: number): void {
  const limit = at.col + max;
  while (at.i < end) {
    const c = text.charCodeAt(at.i);
    if (!isSpaceOrTab(c)) return;
    const next = nextColumn(c, at.col);
    if (next > limit) return;
    at.i++;
    at.col = next;
  }
}

/** Whether `text[from, end)` is a thematic break made of `marker` (`* * *`, `- - -`). */
function isThematicBreak(text: string, from: number, end: number, marker: number): boolean {
  let count = 0;
  for (let i = from; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === marker) count++;
    else if (c !== SPACE && c !== TAB) return false;
  }
  return count >= 3;
}

/** Whether `text[from, end)` is a setext underline of `marker` (`===`, `---`). */
function isUnderline(text: string, from: number, end: number, marker: number): boolean {
  let i = from;
  while (i < end && text.charCodeAt(i) === marker) i++;
  return isBlankRange(text, i, end);
}

/** The end of a list marker at `i` (`-`, `+`, `*`, `1.`, `1)`) followed by white space, or -1. */
function listMarkerEnd(text: string, i: number, end: number): number {
  const c = text.charCodeAt(i);
  let after = -1;
  if (c === DASH || c === PLUS || c === STAR) after = i + 1;
  else {
    let j = i;
    while (j < end && j - i < 9 && text.charCodeAt(j) >= 48 && text.charCodeAt(j) <= 57) j++;
    const d = text.charCodeAt(j);
    if (j > i && (d === 46 || d === 41)) after = j + 1;
  }
  if (after < 0) return -1;
  const next = text.charCodeAt(after);
  return after === end || isSpaceOrTab(next) ? after : -1;
}

/** Table cells of a row: unescaped pipes, without a leading and a trailing one. */
function cellCount(text: string, from: number, end: number): number {
  let a = from;
  let b = end;
  while (a < b && isSpaceOrTab(text.charCodeAt(a))) a++;
  while (b > a && isSpaceOrTab(text.charCodeAt(b - 1))) b--;
  if (a === b) return 0;
  let pipes = 0;
  for (let i = a; i < b; i++) {
    if (text.charCodeAt(i) === PIPE && text.charCodeAt(i - 1) !== BACKSLASH) pipes++;
  }
  let cells = pipes + 1;
  if (text.charCodeAt(a) === PIPE) cells--;
  if (b - 1 > a && text.charCodeAt(b - 1) === PIPE && text.charCodeAt(b - 2) !== BACKSLASH) cells--;
  return cells;
}

/**
 * Characters of `text[from, end)` that may open or close inline markup (`` * _ [ ] ` ~ ``), and
 * raw HTML openings (`<!`, `<?`) by their weight.
 */
export function inlineMarks(text: string, from: number, end: number): number {
  let marks = 0;
  for (let i = from; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c < 128 && MARK[c] === 1) marks++;
    else if (c === LESS_THAN) {
      const next = text.charCodeAt(i + 1);
      if (i + 1 < end && (next === BANG || next === QUESTION)) marks += HTML_MARK_WEIGHT;
    }
  }
  return marks;
}

/** The line scan: see the module comment. */
/** Adds a direct row of `bytes` bytes and `cells` cells to `total`. */
function countRow(total: TextMeasure['directRows'], bytes: number, cells: number): void {
  total.rows++;
  total.bytes += bytes;
  total.cells += cells;
}

class Scanner {
  readonly measure: TextMeasure = {
    lines: 0,
    codeLines: 0,
    containerLines: 0,
    opened: 0,
    cells: 0,
    directRows: { rows: 0, bytes: 0, cells: 0 },
    depth: 0,
    depthLine: 0,
    closings: 0,
    closingWork: 0,
    paragraphLineWork: 0,
    markupWork: 0,
    longestParagraph: { lines: 0, line: 0 },
    mostMarked: { marks: 0, line: 0 },
  };
  private readonly stack: Container[] = [];
  /** Open fenced code, and how many containers hold it. */
  private fence: { marker: number; size: number; depth: number } | null = null;
  /** Open HTML block of kind 1 to 5 (`<!--`, `<?`, …): read raw to its end marker. */
  private html: { type: 1 | 2 | 3 | 4 | 5; depth: number } | null = null;
  /** Whether the last line is paragraph text (a lazy line may continue it). */
  private paragraph = false;
  private lastLazy = false;
  /** Cells of the last line when it is paragraph text with pipes: a table header may follow. */
  private headerCells = 0;
  /** Whether that line starts with `|` at column 1 outside any container. */
  private headerAtStart = false;
  private table = false;
  /** The direct rows of the table being read, while every row of it may be read directly. */
  private direct: TextMeasure['directRows'] | null = null;
  /**
   * The paragraph (or row, or heading) being read: its first line, lines and marks; `weight`
   * counts lazy lines twice, as micromark checks each one against the open blocks.
   */
  private readonly run = { line: 0, lines: 0, weight: 0, marks: 0 };

  constructor(
    private readonly text: string,
    private readonly maxDepth: number,
  ) {}

  private endRun(): void {
    const { measure, run } = this;
    measure.paragraphLineWork += run.weight * run.weight;
    measure.markupWork += run.marks * run.marks;
    if (run.lines > measure.longestParagraph.lines) {
      measure.longestParagraph = { lines: run.lines, line: run.line };
    }
    if (run.marks > measure.mostMarked.marks) {
      measure.mostMarked = { marks: run.marks, line: run.line };
    }
    run.line = 0;
    run.lines = 0;
    run.weight = 0;
    run.marks = 0;
  }

  /** Adds line `line`, holding `marks` (`inlineMarks`), to the run being read. */
  private addToRun(line: number, marks: number, lazy = false): void {
    if (this.run.lines === 0) this.run.line = line;
    this.run.lines++;
    this.run.weight += lazy ? 2 : 1;
    this.run.marks += marks;
  }

  /** A block of its own: a heading or a table row, holding `marks`. */
  private addBlock(line: number, marks: number): void {
    this.endRun();
    this.addToRun(line, marks);
    this.endRun();
  }

  private endParagraph(): void {
    this.endRun();
    [this.paragraph, this.table, this.headerCells] = [false, false, 0];
  }

  /** Reads line `number` (1-based), `text[start, end)`. False once nesting passes the limit. */
  line(number: number, start: number, end: number): boolean {
    const { text, stack, measure } = this;
    measure.lines++;
    const row = this.table && stack.length === 0 && !this.fence && !this.html;
    if (row && text.charCodeAt(start) === PIPE) {
      // A row of a top-level table: what starts with `|` in column 1 is nothing else.
      this.lastLazy = false;
      this.tableRow(number, { i: start, col: 0 }, end);
      return true;
    }
    const at: Cursor = { i: start, col: 0 };
    let matched = 0;
    for (; matched < stack.length; matched++) {
      const container = stack[matched]!;
      const save = { ...at };
      if (container.quote) {
        skipSpaces(text, at, end, 3);
        if (text.charCodeAt(at.i) !== GREATER_THAN) {
          Object.assign(at, save);
          break;
        }
        advance(text, at);
        if (isSpaceOrTab(text.charCodeAt(at.i))) advance(text, at);
      } else if (!isBlankRange(text, at.i, end)) {
        skipSpaces(text, at, end, container.width);
        if (at.col - save.col < container.width) {
          Object.assign(at, save);
          break;
        }
      }
    }
    if (this.fence && matched >= this.fence.depth) {
      // Inside fenced code: nothing opens, and no inline markup is read.
      const inner: Cursor = { ...at };
      skipSpaces(text, inner, end, 3);
      const { marker, size } = this.fence;
      if (closesFenceAt({ text, start: inner.i, end }, inner.i, marker, size)) this.fence = null;
      measure.codeLines++;
      measure.containerLines += stack.length;
      return true;
    }
    if (this.html && matched >= this.html.depth) {
      if (htmlEnds(this.html.type, text, at.i, end)) this.html = null;
      measure.codeLines++;
      measure.containerLines += stack.length;
      return true;
    }
    this.html = null;

    const blank = isBlankRange(text, at.i, end);
    const opened: Container[] = [];
    let content: Cursor = { ...at };
    // Past the limit the scan stops: no need to read more markers of a hostile line.
    while (!blank && matched + opened.length <= this.maxDepth) {
      const begin = { ...content };
      const marker: Cursor = { ...content };
      skipSpaces(text, marker, end, 3);
      const c = text.charCodeAt(marker.i);
      if (c === GREATER_THAN) {
        advance(text, marker);
        if (isSpaceOrTab(text.charCodeAt(marker.i))) {
          advance(text, marker);
        }
        opened.push({ quote: true, width: 0 });
        content = marker;
        continue;
      }
      const markerEnd = listMarkerEnd(text, marker.i, end);
      if (
        markerEnd < 0 ||
        ((c === DASH || c === STAR) && isThematicBreak(text, marker.i, end, c))
      ) {
        break;
      }
      const after: Cursor = { i: markerEnd, col: marker.col + (markerEnd - marker.i) };
      const spaced: Cursor = { ...after };
      skipSpaces(text, spaced, end, 5);
      const empty = isBlankRange(text, spaced.i, end);
      // Content more than four columns after the marker is indented code one column in.
      const gap = empty || spaced.col - after.col > 4 ? 1 : spaced.col - after.col;
      opened.push({ quote: false, width: after.col - begin.col + gap });
      if (empty) {
        content = { i: end, col: after.col + 1 };
        break;
      }
      content = gap === 1 && spaced.col - after.col > 4 ? after : spaced;
    }

    const unmatched = stack.length - matched;
    const lazy = unmatched > 0 && opened.length === 0 && !blank && this.paragraph && !this.fence;
    if (unmatched > 0 && !lazy) {
      // A list item followed by its sibling costs nothing more; anything else closed does.
      const sibling = unmatched === 1 && !stack[matched]!.quote && opened[0]?.quote === false;
      if (!sibling) {
        measure.closings++;
        measure.closingWork += measure.lines + measure.containerLines;
      }
      stack.length = matched;
      if (this.fence && stack.length < this.fence.depth) this.fence = null;
    }
    for (const container of opened) stack.push(container);
    measure.opened += opened.length;
    measure.containerLines += stack.length;
    if (stack.length > measure.depth) {
      measure.depth = stack.length;
      measure.depthLine = number;
      if (stack.length > this.maxDepth) return false;
    }
    const wasLazy = this.lastLazy;
    this.lastLazy = lazy;
    if (opened.length > 0) this.endParagraph();
    this.content(number, content, end, wasLazy, lazy);
    return true;
  }

  /** Reads what a line holds after its container markers. */
  private content(
    number: number,
    at: Cursor,
    end: number,
    afterLazy: boolean,
    lazy: boolean,
  ): void {
    const { text } = this;
    const indent: Cursor = { ...at };
    skipSpaces(text, indent, end, 4);
    if (isBlankRange(text, indent.i, end)) {
      this.endParagraph();
      return;
    }
    // Indented code: four columns in, where no paragraph is open.
    if (indent.col - at.col >= 4 && !this.paragraph && !this.table) {
      this.measure.codeLines++;
      this.endRun();
      return;
    }
    const first: Cursor = { ...at };
    skipSpaces(text, first, end, 3);
    const c = text.charCodeAt(first.i);
    const fence = openingFence({ text, start: first.i, end }, first.i);
    if (fence) {
      this.endParagraph();
      this.fence = { ...fence, depth: this.stack.length };
      return;
    }
    const html = openingHtml({ text, start: first.i, end }, first.i);
    if (html && html.type !== 7) {
      // Raw HTML of these kinds interrupts a paragraph and holds no inline markup.
      this.endParagraph();
      this.measure.codeLines++;
      if (!htmlEnds(html.type, text, html.from, end, true)) {
        this.html = { type: html.type, depth: this.stack.length };
      }
      return;
    }
    if (c === HASH) {
      let j = first.i;
      while (j < end && text.charCodeAt(j) === HASH) j++;
      const next = text.charCodeAt(j);
      if (j - first.i <= 6 && (j === end || isSpaceOrTab(next))) {
        this.addBlock(number, inlineMarks(text, first.i, end));
        this.endParagraph();
        return;
      }
    }
    if (this.table) {
      this.tableRow(number, first, end);
      return;
    }
    if (
      this.headerCells > 0 &&
      !afterLazy &&
      isDelimiterRow(text, first.i, end) &&
      cellCount(text, first.i, end) === this.headerCells
    ) {
      const alone = this.run.lines === 1;
      this.endRun();
      this.measure.cells += this.headerCells;
      this.direct = alone && this.headerAtStart ? { rows: 0, bytes: 0, cells: 0 } : null;
      [this.table, this.paragraph, this.headerCells] = [true, false, 0];
      return;
    }
    if (
      this.paragraph &&
      !lazy &&
      (c === EQUALS || c === DASH) &&
      isUnderline(text, first.i, end, c)
    ) {
      // A setext heading: micromark moves the events read so far, like a closing.
      this.measure.closings++;
      this.measure.closingWork += this.measure.lines + this.measure.containerLines;
      this.endParagraph();
      return;
    }
    if ((c === UNDERSCORE || c === STAR || c === DASH) && isThematicBreak(text, first.i, end, c)) {
      this.measure.opened++;
      this.endParagraph();
      return;
    }
    this.addToRun(number, inlineMarks(text, first.i, end), lazy);
    this.paragraph = true;
    this.headerCells = text.slice(first.i, end).includes('|') ? cellCount(text, first.i, end) : 0;
    this.headerAtStart = this.startsRow(first);
  }

  /** A table row on line `number`, its content from `first` to `end`: each is read on its own. */
  private tableRow(number: number, first: Cursor, end: number): void {
    const cells = Math.max(1, cellCount(this.text, first.i, end));
    this.measure.cells += cells;
    // A direct row holds no character of markup: no mark to count.
    const direct = this.directRow(first, end, cells);
    this.addBlock(number, direct ? 0 : inlineMarks(this.text, first.i, end));
  }

  /** Whether a line's content at `first` starts with `|` in column 1, outside any container. */
  private startsRow(first: Cursor): boolean {
    return this.stack.length === 0 && first.col === 0 && this.text.charCodeAt(first.i) === PIPE;
  }

  /**
   * Counts the table row at `first` (to `end`, `cells` cells) as direct, or its table as not;
   * whether it counted it.
   */
  private directRow(first: Cursor, end: number, cells: number): boolean {
    const { direct, measure, text } = this;
    if (direct === null) return false;
    const start = first.i;
    if (!this.startsRow(first)) {
      // micromark reads the whole table: none of its rows is direct.
      measure.directRows.rows -= direct.rows;
      measure.directRows.bytes -= direct.bytes;
      measure.directRows.cells -= direct.cells;
      this.direct = null;
      return false;
    }
    if (holdsMarkup(text, start, end)) return false;
    countRow(direct, end - start, cells);
    countRow(measure.directRows, end - start, cells);
    return true;
  }

  finish(): TextMeasure {
    this.endRun();
    return this.measure;
  }
}

/**
 * Measures a text by one scan of its lines (`lineStarts` from its `LineIndex`); stops where
 * nesting passes `maxDepth`.
 */
export function measureText(
  text: string,
  lineStarts: readonly number[],
  maxDepth: number = GUARD_LIMITS.depth,
): TextMeasure {
  const scanner = new Scanner(text, maxDepth);
  for (let index = 0; index < lineStarts.length; index++) {
    const { start, end } = lineAt(text, lineStarts, index);
    if (!scanner.line(index + 1, start, end)) break;
  }
  return scanner.finish();
}

/**
 * How a text is parsed: in full (`parseMarkdown`), or in chunks, which read the direct table
 * rows without micromark (`chunk-parser.ts`; a session without definitions in the text).
 */
export type ParsePath = 'full' | 'chunked';

/**
 * The estimated parse work of a measured text of `bytes` bytes, by kind, in microseconds, on
 * `path`. A direct row costs the chunked parse and the analysis after it about 15 us, a tenth
 * to a twentieth of what micromark takes (plain timelines of 2,000 to 20,000 rows).
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
      15 * direct.rows +
      2 * direct.cells,
    containers: 0.2 * measure.closingWork,
    paragraphs: 0.006 * measure.paragraphLineWork,
    markup: 0.02 * measure.markupWork,
  };
}

/**
 * Why `text` (lines at `lineStarts`) should not be parsed on `path`; null when it may be.
 */
export function assessText(
  text: string,
  lineStarts: readonly number[],
  path: ParsePath = 'full',
): Hazard | null {
  const bytes = utf8Length(text);
  if (bytes > GUARD_LIMITS.bytes) return { kind: 'size', bytes };
  const measure = measureText(text, lineStarts);
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
