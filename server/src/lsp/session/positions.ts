/**
 * Model positions ↔ LSP positions. The model counts in the text without a byte order mark;
 * the editor counts in the document as it is, so a BOM shifts the first line by one.
 * Both count UTF-16 code units, and both end lines at `\r\n`, `\n` and `\r`.
 */
import type { Position, Range } from 'vscode-languageserver';
import type { LineIndex, Point, Span } from '../../engine';

/** Converts between one analysed text's model positions and its document's LSP positions. */
export class PositionMapper {
  constructor(
    private readonly lines: LineIndex,
    /** Characters (0 or 1) the document has before the model's text. */
    private readonly bomLength: number,
  ) {}

  /** The LSP position of a model point. */
  position(point: Point): Position {
    const shift = point.line === 1 ? this.bomLength : 0;
    return { line: point.line - 1, character: point.column - 1 + shift };
  }

  /** The LSP range of a model span. */
  range(span: Span): Range {
    return { start: this.position(span.start), end: this.position(span.end) };
  }

  /** The LSP position of a model offset. */
  positionAt(offset: number): Position {
    return this.position(this.lines.point(offset));
  }

  /** The LSP range of model offsets `start` to `end`. */
  rangeOf(start: number, end: number): Range {
    return { start: this.positionAt(start), end: this.positionAt(end) };
  }

  /** The model offset of an LSP position, clamped to its line (and the text). */
  offset(position: Position): number {
    const { lineStarts, text } = this.lines;
    if (position.line < 0) return 0;
    if (position.line >= lineStarts.length) return text.length;
    const start = lineStarts[position.line]!;
    const shift = position.line === 0 ? this.bomLength : 0;
    const character = Math.max(0, position.character - shift);
    return Math.min(start + character, this.lines.lineEnd(position.line + 1));
  }
}
