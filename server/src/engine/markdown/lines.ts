/** Offsets, lines and columns of a text, and the byte order mark. */
import { CR, LF } from './chars';

/** A place in the text. `line` and `column` are 1-based; `offset` is 0-based in `text`. */
export interface Point {
  line: number;
  column: number;
  offset: number;
}

/** A span of text, end exclusive. */
export interface Span {
  start: Point;
  end: Point;
}

const BOM = '\uFEFF';

/** The text without a leading byte order mark, and how many characters were dropped. */
export function stripBom(raw: string): { text: string; bomLength: number } {
  return raw.startsWith(BOM) ? { text: raw.slice(1), bomLength: 1 } : { text: raw, bomLength: 0 };
}

/**
 * Whether a decoded file is not text to check: it holds NUL characters, as binary files and
 * UTF-16 text read as UTF-8 do, and Markdown never needs.
 */
export function isBinaryText(text: string): boolean {
  return text.includes('\u0000');
}

/** The 0-based index of the line, of those starting at `lineStarts`, that holds `offset`. */
export function lineIndexAt(lineStarts: readonly number[], offset: number): number {
  let lo = 0;
  let hi = lineStarts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (lineStarts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** Maps offsets to 1-based lines and columns. `\r\n`, `\n` and `\r` all end a line. */
export class LineIndex {
  /** Offset at which each line starts. */
  readonly lineStarts: number[];
  /** How many lines end with `\r\n`, with `\n` alone and with `\r` alone. */
  private readonly crlfEndings: number;
  private readonly lfEndings: number;
  private readonly crEndings: number;

  constructor(readonly text: string) {
    const starts = [0];
    let crlf = 0;
    let lf = 0;
    let cr = 0;
    if (!text.includes('\r')) {
      // A line feed ends every line: the string search finds them, line by line.
      for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1)) {
        starts.push(at + 1);
      }
      lf = starts.length - 1;
    } else {
      for (let i = 0; i < text.length; i++) {
        const c = text.charCodeAt(i);
        if (c === LF) {
          lf++;
          starts.push(i + 1);
        } else if (c === CR) {
          if (text.charCodeAt(i + 1) === LF) {
            crlf++;
            i++;
          } else cr++;
          starts.push(i + 1);
        }
      }
    }
    this.lineStarts = starts;
    this.crlfEndings = crlf;
    this.lfEndings = lf;
    this.crEndings = cr;
  }

  point(offset: number): Point {
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    const index = this.lineIndexOf(clamped);
    return { line: index + 1, column: clamped - this.lineStarts[index]! + 1, offset: clamped };
  }

  /** The 0-based index of the line that holds `offset` (one of the text's offsets). */
  lineIndexOf(offset: number): number {
    return lineIndexAt(this.lineStarts, offset);
  }

  span(start: number, end: number): Span {
    return { start: this.point(start), end: this.point(end) };
  }

  /** Offset of the end of line `line` (1-based), before its line ending. */
  lineEnd(line: number): number {
    const next = this.lineStarts[line];
    if (next === undefined) return this.text.length;
    let end = next;
    if (this.text.charCodeAt(end - 1) === LF) end--;
    if (this.text.charCodeAt(end - 1) === CR) end--;
    return end;
  }

  /** The line ending the text uses most (`\n` on a tie): what inserted text should use. */
  eol(): string {
    const { crlfEndings: crlf, lfEndings: lf, crEndings: cr } = this;
    if (cr > lf && cr > crlf) return '\r';
    return crlf > lf ? '\r\n' : '\n';
  }
}
