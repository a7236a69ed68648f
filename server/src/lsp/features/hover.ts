/**
 * Hover on a timeline time: the time as read (date and zone), elapsed since the start and
 * since the entry before, the milestones the entry marks and why.
 */
import type { PostmortemModel, TimeReading } from '../../engine';
import { MILESTONES, formatDuration } from '../../engine';
import type { Hover, Position } from 'vscode-languageserver';
import { MarkupKind } from 'vscode-languageserver';
import type { AnalyzedPostmortem } from '../session/analyzed';
import { elapsedLabel, startInstant } from './inlay-hints';
import { milestonesByEntry } from './outline';

/** `13:05` or `13:05:30` from minutes since midnight. */
function clock(minuteOfDay: number): string {
  const totalSeconds = Math.round(minuteOfDay * 60);
  const hours = Math.floor(totalSeconds / 3600);
  const minutes = Math.floor(totalSeconds / 60) % 60;
  const seconds = totalSeconds % 60;
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${pad(hours)}:${pad(minutes)}${seconds ? `:${pad(seconds)}` : ''}`;
}

/** `2025-03-15 13:05 UTC`, `13:05 (no date, UTC)`, `2025-03-15 13:05 (no zone)`. */
export function formatReading(time: TimeReading): string {
  const end = time.rangeEndMinuteOfDay;
  const clocks = `${clock(time.minuteOfDay)}${end === null ? '' : `–${clock(end)}`}`;
  const zone = time.zone === 'Z' ? 'UTC' : time.zone;
  if (time.date) return `${time.date} ${clocks}${zone ? ` ${zone}` : ' (no zone)'}`;
  return `${clocks} (no date, ${zone ?? 'no zone'})`;
}

function code(text: string): string {
  const ticks = text.includes('`') ? '``' : '`';
  return `${ticks}${text.replace(/\s+/g, ' ').trim()}${ticks}`;
}

/** What the hover says about timeline entry `index`. */
function describeEntry(model: PostmortemModel, index: number): string[] {
  const entries = model.timeline!.entries;
  const entry = entries[index]!;
  const parts: string[] = [];
  if (entry.time) parts.push(`${code(entry.timeText)} is ${formatReading(entry.time)}`);
  else if (entry.timeProblem === 'unknown') {
    parts.push(`${code(entry.timeText)} is unknown: the entry is skipped for ordering and metrics`);
  } else parts.push(`${code(entry.timeText)} cannot be read as a time`);
  if (entry.timeProblem === 'ambiguous') {
    parts.push('Ambiguous: no AM or PM, in a timeline that uses 12-hour times');
  }
  if (entry.timeProblem === 'date-order') {
    parts.push(
      'Guessed: read month first, as no date of the report settles the order (`dateOrder`)',
    );
  }
  const start = startInstant(model);
  if (entry.instant !== null) {
    const elapsed: string[] = [];
    if (start !== null) elapsed.push(`${elapsedLabel(entry.instant - start)} since the start`);
    const previous = entries
      .slice(0, index)
      .reverse()
      .find((candidate) => candidate.instant !== null);
    if (previous) {
      const step = entry.instant - previous.instant!;
      const direction = step < 0 ? 'before' : 'after';
      elapsed.push(`${formatDuration(Math.abs(step))} ${direction} ${code(previous.timeText)}`);
    }
    if (elapsed.length > 0) parts.push(elapsed.join(' · '));
  }
  const resolved = milestonesByEntry(model).get(index) ?? [];
  const marks = MILESTONES.flatMap((milestone) => {
    const mark = entry.marks.find((candidate) => candidate.milestone === milestone);
    // Only `start` falls to an entry without a mark: the first entry with a time.
    if (!mark) {
      return resolved.includes(milestone) ? [`**${milestone}**: the first entry with a time`] : [];
    }
    const at = model.milestones[milestone];
    const elsewhere =
      at !== null && at !== index ? ` (the milestone is at ${code(entries[at]!.timeText)})` : '';
    const why = mark.inferredFrom ? `guessed from ${mark.reason}` : mark.reason;
    return [`**${milestone}**: ${why}${elsewhere}`];
  });
  if (marks.length > 0) parts.push(`Marks ${marks.join('; ')}`);
  if (entry.time?.approximate) parts.push('The time is approximate.');
  return parts;
}

/** The hover at a position: only on timeline times. */
export function hover(document: AnalyzedPostmortem, position: Position): Hover | null {
  const { positions } = document;
  const { model } = document.analysis;
  if (!model.timeline) return null;
  const offset = positions.offset(position);
  const index = model.timeline.entries.findIndex(
    (entry) =>
      entry.timeSpan !== null &&
      entry.timeSpan.start.offset <= offset &&
      offset <= entry.timeSpan.end.offset,
  );
  if (index < 0) return null;
  return {
    contents: { kind: MarkupKind.Markdown, value: describeEntry(model, index).join('\n\n') },
    range: positions.range(model.timeline.entries[index]!.timeSpan!),
  };
}
