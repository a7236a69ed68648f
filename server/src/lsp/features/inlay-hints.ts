/** Inlay hints: `T+12m` after each timeline time, the time elapsed since the incident started. */
import type { PostmortemModel } from '../../engine';
import { formatDuration } from '../../engine';
import type { InlayHint, Range } from 'vscode-languageserver';
import type { AnalyzedPostmortem } from '../session/analyzed';

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

/** The hints on the lines of `range`; none for entries without a usable time. */
export function inlayHints(document: AnalyzedPostmortem, range: Range): InlayHint[] {
  const { positions } = document;
  const { model } = document.analysis;
  const start = startInstant(model);
  if (!model.timeline || start === null) return [];
  const stated = model.statedMilestones.start;
  const startText = stated
    ? `${stated.text}, stated in the summary`
    : model.timeline.entries[model.milestones.start!]!.timeText;
  return model.timeline.entries.flatMap((entry) => {
    if (entry.instant === null || !entry.timeSpan) return [];
    const position = positions.position(entry.timeSpan.end);
    if (position.line < range.start.line || position.line > range.end.line) return [];
    return [
      {
        position,
        label: elapsedLabel(entry.instant - start),
        paddingLeft: true,
        tooltip: `Time since the incident started (${startText})`,
      },
    ];
  });
}
