/**
 * What the engine read from a report, as plain data: each schema section's place and state,
 * and the timeline's entries with their times and milestones (SPEC §5, `sections` and
 * `timeline`). Scripts and dashboards read this through the CLI's JSON.
 */
import { sectionHasContent } from './markdown/content';
import type { FollowUp, MetricName, Milestone, PostmortemModel, TimeReading } from './model';
import type { MetricNote } from './metrics/explain';
import { entryGuesses, metricNotes } from './metrics/explain';
import { MILESTONES } from './model';
import { formatOffset } from './timeline/zones';

export type SectionState = 'present' | 'empty' | 'missing';

export interface SectionReadout {
  id: string;
  title: string;
  /** The heading's line; null when the section is missing. */
  line: number | null;
  state: SectionState;
}

export interface EntryReadout {
  line: number;
  column: number;
  /** ISO 8601: with its offset where the zone is known, local where not; null when unreadable. */
  time: string | null;
  text: string;
  /** The milestones this entry stands for, in milestone order. */
  milestones: Milestone[];
  /** Per milestone guessed from keywords, the words that made the guess. */
  inferredFrom?: Partial<Record<Milestone, string>>;
}

export interface TimelineReadout {
  line: number;
  entries: EntryReadout[];
  /** Per metric: its value, why it has none, the keyword guesses it rests on. */
  metricNotes: Record<MetricName, MetricNote>;
  /** Why no metric can be measured (`no entry starts with a time`); absent when some can. */
  unmeasured?: string;
}

/** A follow-up as SPEC §5 prints it: a field that is not there is `null`. */
export type FollowUpReadout = { line: number } & Pick<
  FollowUp,
  'text' | 'owner' | 'due' | 'ticket' | 'status' | 'overdue'
>;

export interface Readout {
  sections: SectionReadout[];
  timeline: TimelineReadout | null;
  /** The front matter's known fields as written, in field order; `{}` without front matter. */
  metadata: Record<string, unknown>;
  followUps: FollowUpReadout[];
}

const pad = (value: number): string => String(value).padStart(2, '0');

/** A reading as ISO 8601: `2025-03-15T12:55:00Z`, `2025-03-15T12:55`, or `T12:55`. */
export function isoTime(time: TimeReading): string {
  const whole = Math.floor(time.minuteOfDay);
  const seconds = Math.round((time.minuteOfDay - whole) * 60);
  const clock = `${pad(Math.floor(whole / 60))}:${pad(whole % 60)}`;
  const date = time.date ?? '';
  if (time.zoneOffset === null) return `${date}T${clock}${seconds ? `:${pad(seconds)}` : ''}`;
  const offset = time.zoneOffset;
  return `${date}T${clock}:${pad(seconds)}${offset === 0 ? 'Z' : formatOffset(offset)}`;
}

/** The front matter's known fields and the follow-ups of `model`, as SPEC §5 prints them. */
function metadataReadout(model: PostmortemModel): Pick<Readout, 'metadata' | 'followUps'> {
  return {
    metadata: Object.fromEntries(model.metadata.entries.map((entry) => [entry.field, entry.value])),
    followUps: model.followUps.map((item) => ({
      line: item.span.start.line,
      text: item.text,
      owner: item.owner,
      due: item.due,
      ticket: item.ticket,
      status: item.status,
      overdue: item.overdue,
    })),
  };
}

/** The sections, timeline, metadata and follow-ups of `model`, as SPEC §5 prints them. */
export function readout(model: PostmortemModel): Readout {
  const sections = model.schema.sections.map((spec): SectionReadout => {
    const found = model.sections.find((section) => section.spec.id === spec.id);
    if (!found) return { id: spec.id, title: spec.title, line: null, state: 'missing' };
    return {
      id: spec.id,
      title: spec.title,
      line: found.heading.span.start.line,
      state: sectionHasContent(found.nodes) ? 'present' : 'empty',
    };
  });
  const { timeline, milestones } = model;
  if (!timeline) return { sections, timeline: null, ...metadataReadout(model) };
  const entries = timeline.entries.map((entry, index): EntryReadout => {
    const marked = MILESTONES.filter((milestone) => milestones[milestone] === index);
    const inferred = entryGuesses(entry, marked);
    return {
      line: entry.span.start.line,
      column: entry.span.start.column,
      time: entry.time ? isoTime(entry.time) : null,
      text: entry.description,
      milestones: marked,
      ...(Object.keys(inferred).length > 0 ? { inferredFrom: inferred } : {}),
    };
  });
  const line = timeline.section.heading.span.start.line;
  const unmeasured = timeline.unmeasured === null ? {} : { unmeasured: timeline.unmeasured };
  return {
    sections,
    timeline: { line, entries, metricNotes: metricNotes(model)!, ...unmeasured },
    ...metadataReadout(model),
  };
}
