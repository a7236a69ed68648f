/** Inlay hints: `T+12m` by each timeline time, the time elapsed since the incident started. */
import type { PostmortemModel } from '../../engine';
import { formatDuration } from '../../engine';
import type { InlayHint, Range } from 'vscode-languageserver';
import type { AnalyzedPostmortem } from '../session/analyzed';
import type { TableHints } from '../session/settings';

/** The instant of the incident's start, when the timeline has one. */
export function startInstant(model: PostmortemModel): number | null {
  const stated = model.statedMilestones.start;
  if (stated) return stated.instant;
  const start = model.milestones.start;
  return start === null ? null : (model.timeline?.entries[start]?.instant ?? null);
}

/** `T+12m`: minutes since the start, as the hints and the hover write them. */
export function elapsedLabel(minutes: number): string {
  return minutes < 0 ? `T${formatDuration(minutes)}` : `T+${formatDuration(minutes)}`;
}

/** Whether a `|` closes the time's cell: the entry is a table row. */
function closingPipe(text: string, timeEnd: number, lineEnd: number): boolean {
  let at = timeEnd;
  while (at < lineEnd && (text[at] === ' ' || text[at] === '\t')) at++;
  return text[at] === '|';
}

/** The offset after the last character of a line that is not white space. */
function trimmedLineEnd(text: string, lineStart: number, lineEnd: number): number {
  let end = lineEnd;
  while (end > lineStart && /\s/.test(text[end - 1]!)) end--;
  return end;
}

/**
 * The hints on the lines of `range`; none for entries without a usable time. A list entry's
 * hint follows its time, padded from the text on both sides; a table row's goes after the row
 * (`tables: 'endOfRow'`), where it leaves the pipes in line, or is left out (`'off'`).
 */
export function inlayHints(
  document: AnalyzedPostmortem,
  range: Range,
  tables: TableHints,
): InlayHint[] {
  const { positions } = document;
  const { model } = document.analysis;
  const start = startInstant(model);
  if (!model.timeline || start === null) return [];
  const stated = model.statedMilestones.start;
  const startText = stated
    ? `${stated.text}, stated in the summary`
    : model.timeline.entries[model.milestones.start!]!.timeText;
  const { text, lines } = model;
  return model.timeline.entries.flatMap((entry): InlayHint[] => {
    if (entry.instant === null || !entry.timeSpan) return [];
    const { line } = entry.timeSpan.end;
    if (line - 1 < range.start.line || line - 1 > range.end.line) return [];
    const lineEnd = lines.lineEnd(line);
    const inTable = closingPipe(text, entry.timeSpan.end.offset, lineEnd);
    if (inTable && tables === 'off') return [];
    const label = elapsedLabel(entry.instant - start);
    const tooltip = `Time since the incident started (${startText})`;
    if (inTable) {
      const rowEnd = trimmedLineEnd(text, entry.timeSpan.end.offset, lineEnd);
      return [{ position: positions.positionAt(rowEnd), label, paddingLeft: true, tooltip }];
    }
    return [
      {
        position: positions.position(entry.timeSpan.end),
        label,
        paddingLeft: true,
        paddingRight: true,
        tooltip,
      },
    ];
  });
}
