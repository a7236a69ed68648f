/**
 * Hover on a timeline time: the time as read (date and zone), elapsed since the start and
 * since the entry before, the milestones the entry marks and why. On a follow-up's first
 * line: what was read of it. On a front matter field: what it means and the values it takes.
 */
import type { FollowUp, LintConfig, PostmortemModel, Span, TimeReading } from '../../engine';
import {
  METADATA_FIELD_DESCRIPTIONS,
  MILESTONES,
  formatDuration,
  milestonesByEntry,
} from '../../engine';
import type { Hover, Position } from 'vscode-languageserver';
import { MarkupKind } from 'vscode-languageserver';
import type { AnalyzedPostmortem } from '../session/analyzed';
import { elapsedLabel, startInstant } from './inlay-hints';

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

/** What was read of a follow-up: status and where it comes from, owner, due date, ticket. */
function describeFollowUp(item: FollowUp): string[] {
  const status = item.statusFrom
    ? `${item.status} (from ${item.statusFrom})`
    : `${item.status} (no status written)`;
  const due = item.due ? `${item.due}${item.overdue ? ', **overdue**' : ''}` : 'not written';
  return [
    `**Follow-up**: ${code(item.text)}`,
    `Status: ${status}`,
    [
      `Owner: ${item.owner ? code(item.owner) : 'not written'}`,
      `Due: ${due}`,
      `Ticket: ${item.ticket ? code(item.ticket) : 'not written'}`,
    ].join(' · '),
  ];
}

/**
 * What a front matter field means, and for severity and status the configured values and the
 * aliases read as them (`metadata.aliases`).
 */
function describeField(
  field: keyof typeof METADATA_FIELD_DESCRIPTIONS,
  config: LintConfig,
): string[] {
  const parts = [`**\`${field}\`**: ${METADATA_FIELD_DESCRIPTIONS[field]}`];
  const scale =
    field === 'severity'
      ? config.metadata.severities
      : field === 'status'
        ? config.metadata.statuses
        : null;
  if (!scale) return parts;
  parts.push(`One of ${scale.map((value) => `\`${value}\``).join(', ')}`);
  const aliases = Object.entries(config.metadata.aliases).filter(([, to]) => scale.includes(to));
  if (aliases.length > 0) {
    parts.push(`Also read: ${aliases.map(([from, to]) => `\`${from}\` as \`${to}\``).join(', ')}`);
  }
  return parts;
}

function contains(span: Span, offset: number): boolean {
  return span.start.offset <= offset && offset <= span.end.offset;
}

/** The hover at a position: on timeline times, follow-ups and front matter fields. */
export function hover(document: AnalyzedPostmortem, position: Position): Hover | null {
  const { positions } = document;
  const { model } = document.analysis;
  const offset = positions.offset(position);
  const markdown = (parts: string[], span: Span): Hover => ({
    contents: { kind: MarkupKind.Markdown, value: parts.join('\n\n') },
    range: positions.range(span),
  });
  const index =
    model.timeline?.entries.findIndex(
      (entry) => entry.timeSpan !== null && contains(entry.timeSpan, offset),
    ) ?? -1;
  if (index >= 0)
    return markdown(describeEntry(model, index), model.timeline!.entries[index]!.timeSpan!);
  const field = model.metadata.entries.find(
    (entry) =>
      contains(entry.keySpan, offset) ||
      (entry.valueSpan !== null && contains(entry.valueSpan, offset)),
  );
  if (field) return markdown(describeField(field.field, document.config), field.keySpan);
  const line = model.lines.point(offset).line;
  const item = model.followUps.find((candidate) => candidate.span.start.line === line);
  if (item) {
    const end = Math.min(item.span.end.offset, model.lines.lineEnd(line));
    return markdown(describeFollowUp(item), model.lines.span(item.span.start.offset, end));
  }
  return null;
}
