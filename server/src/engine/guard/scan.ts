/**
 * The guard's scan of lines (`guard.ts` says what it estimates and why): one line at a time,
 * carrying what is open (containers, fenced code, raw HTML, a paragraph or table) from line to
 * line. Its measures are kept by blocks of lines (`scan-blocks.ts`), each from the state the
 * scan was in at the block's start, so that an edit re-scans only the blocks it changed.
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

/** An open list item (`width`: columns from its start to its content) or block quote. */
export interface Container {
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

/** Adds a direct row of `bytes` bytes and `cells` cells to `total`. */
function countRow(total: TextMeasure['directRows'], bytes: number, cells: number): void {
  total.rows++;
  total.bytes += bytes;
  total.cells += cells;
}

/** A measure of no line. */
export function emptyMeasure(): TextMeasure {
  return {
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
}

/** Direct rows counted: how many, their bytes and their cells. */
export type DirectRows = TextMeasure['directRows'];

/**
 * What the scan carries from one line to the next (`run.line` counted from a block's first
 * line): two scans in equal states read the lines after alike.
 */
export interface ScanState {
  stack: readonly Container[];
  fence: { marker: number; size: number; depth: number } | null;
  html: { type: 1 | 2 | 3 | 4 | 5; depth: number } | null;
  paragraph: boolean;
  lastLazy: boolean;
  headerCells: number;
  headerAtStart: boolean;
  table: boolean;
  /** Whether the table being read is one whose rows may all be read directly. */
  direct: boolean;
  run: { line: number; lines: number; weight: number; marks: number };
}

/** Whether two states read the lines after them alike. */
export function sameState(a: ScanState, b: ScanState): boolean {
  const sameFence =
    a.fence === b.fence ||
    (a.fence !== null &&
      b.fence !== null &&
      a.fence.marker === b.fence.marker &&
      a.fence.size === b.fence.size &&
      a.fence.depth === b.fence.depth);
  const sameHtml =
    a.html === b.html ||
    (a.html !== null &&
      b.html !== null &&
      a.html.type === b.html.type &&
      a.html.depth === b.html.depth);
  return (
    sameFence &&
    sameHtml &&
    a.paragraph === b.paragraph &&
    a.lastLazy === b.lastLazy &&
    a.headerCells === b.headerCells &&
    a.headerAtStart === b.headerAtStart &&
    a.table === b.table &&
    a.direct === b.direct &&
    a.run.line === b.run.line &&
    a.run.lines === b.run.lines &&
    a.run.weight === b.run.weight &&
    a.run.marks === b.run.marks &&
    a.stack.length === b.stack.length &&
    a.stack.every((c, i) => c.quote === b.stack[i]!.quote && c.width === b.stack[i]!.width)
  );
}

/**
 * What a block of lines did to the direct table open at its end (`open`): whether that table
 * was open at its start too (`continues`), and its direct rows in the block (`tail`); and
 * whether a row of the table open at its start undid that table's direct rows (`undoes`).
 */
export interface BlockDirect {
  continues: boolean;
  tail: DirectRows;
  undoes: boolean;
}

/**
 * The line scan: see the module comment. Its measure is of the lines since `beginBlock`,
 * lines of maxima still counted from the text's first.
 */
export class Scanner {
  measure: TextMeasure = emptyMeasure();
  private readonly stack: Container[] = [];
  /** Open fenced code, and how many containers hold it. */
  private fence: ScanState['fence'] = null;
  /** Open HTML block of kind 1 to 5 (`<!--`, `<?`, …): read raw to its end marker. */
  private html: ScanState['html'] = null;
  /** Whether the last line is paragraph text (a lazy line may continue it). */
  private paragraph = false;
  private lastLazy = false;
  /** Cells of the last line when it is paragraph text with pipes: a table header may follow. */
  private headerCells = 0;
  /** Whether that line starts with `|` at column 1 outside any container. */
  private headerAtStart = false;
  private table = false;
  /** The direct rows of the table being read, while every row of it may be read directly. */
  private direct: DirectRows | null = null;
  /** The direct rows of the table open at the block's start, and their count then. */
  private incoming: { direct: DirectRows; at: DirectRows } | null = null;
  /** Whether a row of that table undid its direct rows in this block. */
  private undoesIncoming = false;
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
      if (direct === this.incoming?.direct) this.undoesIncoming = true;
      this.direct = null;
      return false;
    }
    if (holdsMarkup(text, start, end)) return false;
    countRow(direct, end - start, cells);
    countRow(measure.directRows, end - start, cells);
    return true;
  }

  /** Ends the text: the measure of the block it ends. */
  finish(): TextMeasure {
    this.endRun();
    return this.measure;
  }

  /** The state before the next line, `run.line` counted from `base` (lines before it). */
  state(base: number): ScanState {
    return {
      // Containers, fences and HTML blocks are replaced, never changed: kept as they are.
      stack: this.stack.slice(),
      fence: this.fence,
      html: this.html,
      paragraph: this.paragraph,
      lastLazy: this.lastLazy,
      headerCells: this.headerCells,
      headerAtStart: this.headerAtStart,
      table: this.table,
      direct: this.openDirect() !== null,
      run: { ...this.run, line: this.run.line - base },
    };
  }

  /**
   * Resumes the scan in `state`, taken with `base` lines before it, the table open then (if its rows
   * may be read directly) having had the direct rows `direct`.
   */
  resume(state: ScanState, base: number, direct: DirectRows): void {
    this.stack.length = 0;
    this.stack.push(...state.stack);
    this.fence = state.fence;
    this.html = state.html;
    this.paragraph = state.paragraph;
    this.lastLazy = state.lastLazy;
    this.headerCells = state.headerCells;
    this.headerAtStart = state.headerAtStart;
    this.table = state.table;
    this.direct = state.direct ? { ...direct } : null;
    Object.assign(this.run, state.run, { line: state.run.line + base });
  }

  /** The direct rows of the table being read, while every row of it may be read directly. */
  private openDirect(): DirectRows | null {
    return this.table ? this.direct : null;
  }

  /** Starts a block of lines: the measure from here on is its own. */
  beginBlock(): void {
    this.measure = emptyMeasure();
    const direct = this.openDirect();
    this.incoming = direct && { direct, at: { ...direct } };
    this.undoesIncoming = false;
  }

  /** What the block begun last did to the direct tables open at its start and end. */
  blockDirect(): BlockDirect {
    const open = this.openDirect();
    const incoming = this.incoming;
    const continues = open !== null && open === incoming?.direct;
    const tail =
      open === null
        ? { rows: 0, bytes: 0, cells: 0 }
        : continues
          ? {
              rows: open.rows - incoming.at.rows,
              bytes: open.bytes - incoming.at.bytes,
              cells: open.cells - incoming.at.cells,
            }
          : { ...open };
    return { continues, tail, undoes: this.undoesIncoming };
  }
}
