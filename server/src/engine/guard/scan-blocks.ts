/**
 * The guard's scan kept by blocks of lines, so that the scan of an edited text reads again only
 * from the block the edit starts in to the first block after it that the scan enters in the
 * state it entered it last time; from there on every block is the last scan's.
 *
 * A block keeps the scan's state at its start (`scan.ts`) and what its lines measure: sums,
 * and maxima with their lines counted from the block's first line, so that a block measures
 * the same wherever it moves. The whole measure is folded from the blocks: the sums added, the
 * largest of each maximum taken (the first on a tie, as the scan does), and each closing's
 * work (the lines and container lines before it) given the lines before its block. The one
 * measure that reaches back is the direct rows of a table, which a row that does not start
 * with `|` undoes for the whole table: a block is not taken over when a later one undoes the
 * direct table open at its start, so those rows are counted again from where they changed.
 */
import { lineAt } from '../markdown/chunks';
import { lineIndexAt } from '../markdown/lines';
import { changedRange } from '../markdown/text-change';
import { utf8Length } from '../markdown/utf8';
import type { BlockDirect, DirectRows, ScanState, TextMeasure } from './scan';
import { emptyMeasure, sameState, Scanner } from './scan';

/** Lines of a block the scan starts: a few hundred blocks in the longest report. */
const BLOCK_LINES = 64;

/** A block of lines scanned, wherever it is in the text. */
interface ScanBlock extends BlockDirect {
  /** The state the scan entered the block in. */
  state: ScanState;
  /** What its lines measure, lines of maxima counted from its first line. */
  measure: TextMeasure;
}

/** A text as scanned in blocks. */
interface Scanned {
  text: string;
  bytes: number;
  blocks: ScanBlock[];
  /** False when the scan stopped, its nesting past the limit: blocks end there. */
  complete: boolean;
  measure: TextMeasure;
}

/** The measure of the whole text the blocks cover. */
function fold(blocks: readonly ScanBlock[]): TextMeasure {
  const total = emptyMeasure();
  for (const { measure: m } of blocks) {
    const before = total.lines;
    total.closingWork += m.closingWork + m.closings * (before + total.containerLines);
    total.lines += m.lines;
    total.codeLines += m.codeLines;
    total.containerLines += m.containerLines;
    total.opened += m.opened;
    total.cells += m.cells;
    total.directRows.rows += m.directRows.rows;
    total.directRows.bytes += m.directRows.bytes;
    total.directRows.cells += m.directRows.cells;
    total.closings += m.closings;
    total.paragraphLineWork += m.paragraphLineWork;
    total.markupWork += m.markupWork;
    if (m.depth > total.depth) [total.depth, total.depthLine] = [m.depth, m.depthLine + before];
    const { longestParagraph: longest, mostMarked: marked } = m;
    if (longest.lines > total.longestParagraph.lines) {
      total.longestParagraph = { lines: longest.lines, line: longest.line + before };
    }
    if (marked.marks > total.mostMarked.marks) {
      total.mostMarked = { marks: marked.marks, line: marked.line + before };
    }
  }
  return total;
}

/** The direct rows the table open at the start of `blocks[index]` had had by then. */
function directBefore(blocks: readonly ScanBlock[], index: number): DirectRows {
  const rows: DirectRows = { rows: 0, bytes: 0, cells: 0 };
  for (let i = 0; i < index; i++) {
    const { continues, tail } = blocks[i]!;
    rows.rows = (continues ? rows.rows : 0) + tail.rows;
    rows.bytes = (continues ? rows.bytes : 0) + tail.bytes;
    rows.cells = (continues ? rows.cells : 0) + tail.cells;
  }
  return rows;
}

/** Whether a block after `blocks[index]`'s start undoes the direct table open there. */
function undoneLater(blocks: readonly ScanBlock[], index: number): boolean {
  for (let i = index; i < blocks.length; i++) {
    const block = blocks[i]!;
    if (block.undoes) return true;
    if (!block.continues) return false;
  }
  return false;
}

/**
 * Scans the lines from index `from` into blocks after `scanner` (in the state before that
 * line), until the end or until it enters one of `kept` in that block's state: `kept` start
 * at line indexes `keptStarts`, in the new text's lines. Gives the blocks scanned, then the
 * kept ones taken over, and whether the scan read to the end without stopping.
 */
function scanFrom(
  scanner: Scanner,
  text: string,
  lineStarts: readonly number[],
  from: number,
  kept: { blocks: readonly ScanBlock[]; starts: readonly number[] },
  blockLines: number,
): { blocks: ScanBlock[]; complete: boolean } {
  const blocks: ScanBlock[] = [];
  let next = 0;
  let state = scanner.state(from);
  let blockStart = from;
  scanner.beginBlock();
  const close = (measure: TextMeasure) => {
    measure.depthLine -= blockStart;
    measure.longestParagraph.line -= blockStart;
    measure.mostMarked.line -= blockStart;
    blocks.push({ state, measure, ...scanner.blockDirect() });
  };
  for (let index = from; index < lineStarts.length; index++) {
    while (next < kept.starts.length && kept.starts[next]! < index) next++;
    const keptHere = kept.starts[next] === index;
    if (keptHere || index - blockStart >= blockLines) {
      close(scanner.measure);
      state = scanner.state(index);
      blockStart = index;
      if (keptHere) {
        const block = kept.blocks[next]!;
        if (sameState(state, block.state) && !(state.direct && undoneLater(kept.blocks, next))) {
          blocks.push(...kept.blocks.slice(next));
          return { blocks, complete: true };
        }
      }
      scanner.beginBlock();
    }
    const { start, end } = lineAt(text, lineStarts, index);
    if (!scanner.line(index + 1, start, end)) {
      close(scanner.finish());
      return { blocks, complete: false };
    }
  }
  close(scanner.finish());
  return { blocks, complete: true };
}

/** Scans a whole text in blocks. */
function scanAll(
  text: string,
  lineStarts: readonly number[],
  bytes: number,
  maxDepth: number,
  blockLines = BLOCK_LINES,
): Scanned {
  const none = { blocks: [], starts: [] };
  const scan = scanFrom(new Scanner(text, maxDepth), text, lineStarts, 0, none, blockLines);
  return { text, bytes, ...scan, measure: fold(scan.blocks) };
}

/**
 * Keeps the scan of one document's last version, and measures its next versions by scanning
 * again only what changed: the measure is the one `measureText` gives.
 */
export class ScanMemo {
  private last: Scanned | null = null;

  /** `blockLines`: lines of each block it starts. */
  constructor(private readonly blockLines = BLOCK_LINES) {}

  /**
   * The UTF-8 bytes of `text` (lines at `lineStarts`), and its measure (nesting read up to
   * `maxDepth`), unless it holds more than `maxBytes`: then null, and nothing is scanned.
   */
  read(
    text: string,
    lineStarts: readonly number[],
    maxBytes: number,
    maxDepth: number,
  ): { bytes: number; measure: TextMeasure | null } {
    const last = this.last;
    const change = last && changedRange(last.text, text);
    // The change splits no surrogate pair: the bytes outside it are the last text's.
    const bytes = !last
      ? utf8Length(text)
      : change
        ? last.bytes -
          utf8Length(last.text, change.start, change.end) +
          utf8Length(text, change.start, change.newEnd)
        : last.bytes;
    if (bytes > maxBytes) return { bytes, measure: null };
    if (!last || change) {
      this.last =
        last && change && last.complete
          ? this.rescan(last, text, lineStarts, change, bytes, maxDepth)
          : scanAll(text, lineStarts, bytes, maxDepth, this.blockLines);
    }
    return { bytes, measure: this.last!.measure };
  }

  /** Scans `text` again from the block that `change` of `last`'s text starts in. */
  private rescan(
    last: Scanned,
    text: string,
    lineStarts: readonly number[],
    change: { start: number; newEnd: number },
    bytes: number,
    maxDepth: number,
  ): Scanned {
    const first = lineIndexAt(lineStarts, change.start);
    // Lines that start after the change, and the character before them, are the last text's.
    const unchanged = lineIndexAt(lineStarts, change.newEnd) + 1;
    const shift = lineStarts.length - last.measure.lines;
    let index = 0;
    let blockStart = 0;
    while (
      index + 1 < last.blocks.length &&
      blockStart + last.blocks[index]!.measure.lines <= first
    ) {
      blockStart += last.blocks[index]!.measure.lines;
      index++;
    }
    const kept: ScanBlock[] = [];
    const starts: number[] = [];
    let start = blockStart;
    for (let i = index; i < last.blocks.length; i++) {
      if (start >= unchanged - shift) {
        kept.push(last.blocks[i]!);
        starts.push(start + shift);
      }
      start += last.blocks[i]!.measure.lines;
    }
    const scanner = new Scanner(text, maxDepth);
    const block = last.blocks[index]!;
    scanner.resume(block.state, blockStart, directBefore(last.blocks, index));
    const keptBlocks = { blocks: kept, starts };
    const scan = scanFrom(scanner, text, lineStarts, blockStart, keptBlocks, this.blockLines);
    const blocks = [...last.blocks.slice(0, index), ...scan.blocks];
    return { text, bytes, blocks, complete: scan.complete, measure: fold(blocks) };
  }
}

/** Measures a text by one scan of its lines, stopping where nesting passes `maxDepth`. */
export function scanText(text: string, lineStarts: readonly number[], maxDepth: number) {
  return scanAll(text, lineStarts, 0, maxDepth).measure;
}
