/** Timeline entries moved where their text moved, in place. */
import type { Point, Span, TimelineEntry } from '../model';

function movePoint(point: Point, lines: number, offset: number): void {
  point.line += lines;
  point.offset += offset;
}

function moveSpan(span: Span, lines: number, offset: number): void {
  movePoint(span.start, lines, offset);
  movePoint(span.end, lines, offset);
}

/**
 * Moves an entry of an earlier read `lines` lines down and `offset` characters on, in place:
 * only for text that moved whole lines, and an entry no analysis still in use holds (an
 * analysis through a session holds until the next, `session.ts`).
 */
export function moveEntry(entry: TimelineEntry, lines: number, offset: number): void {
  if (lines === 0 && offset === 0) return;
  moveSpan(entry.span, lines, offset);
  if (entry.timeSpan) moveSpan(entry.timeSpan, lines, offset);
  if (entry.time && entry.time.span !== entry.timeSpan) moveSpan(entry.time.span, lines, offset);
}
