/**
 * The post-mortem model: what the engine reads out of a Markdown report, and the shapes of
 * findings and fixes. Plain data, no editor types: the server, the CLI and the remark-lint
 * plugins all speak it.
 */
import type { Root, RootContent } from 'mdast';
import type { LineIndex, Span } from './markdown/lines';

export type { Point, Span } from './markdown/lines';

export type Severity = 'off' | 'info' | 'warning' | 'error';

export const RULE_IDS = [
  'required-sections',
  'section-order',
  'empty-section',
  'placeholder',
  'timeline-time',
  'timeline-order',
  'rca-evidence',
  'metrics-consistency',
  'metadata',
  'action-items',
] as const;

export type RuleId = (typeof RULE_IDS)[number];

export const MILESTONES = ['start', 'detected', 'acknowledged', 'mitigated', 'resolved'] as const;

export type Milestone = (typeof MILESTONES)[number];

/** Which part of a numeric date `a/b/YYYY` is the day: `day-month` reads `03/04` as 3 April. */
export const DATE_ORDERS = ['day-month', 'month-day'] as const;

export type DateOrder = (typeof DATE_ORDERS)[number];

export const METRIC_NAMES = [
  'timeToDetect',
  'timeToAcknowledge',
  'timeToMitigate',
  'timeToResolve',
] as const;

export type MetricName = (typeof METRIC_NAMES)[number];

/** Minutes for each metric; `null` where an end is missing. */
export type Metrics = Record<MetricName, number | null>;

/** One section of the schema: what it is called and whether a report needs it. */
export interface SectionSpec {
  id: string;
  title: string;
  aliases: string[];
  required: boolean;
  /** Markdown body inserted under the heading by the missing-section fix. */
  scaffold: string;
}

/** The sections a report should have, in the order it should have them. */
export interface Schema {
  sections: SectionSpec[];
}

/**
 * How a section is written: under a heading (a sub-heading inside another section included),
 * as a bold or plain label line (`**Root cause:** …`, `**Impact**`), or as the untitled
 * opening paragraphs before the first section heading (the summary).
 */
export type SectionForm = 'heading' | 'label' | 'intro';

/** A schema section found in the document. */
export interface Section {
  spec: SectionSpec;
  form: SectionForm;
  /** Index of `spec` in the schema: the section's place in the expected order. */
  order: number;
  /** The heading, or the label; for an intro, its first paragraph (text empty). */
  heading: {
    /** The heading's or label's text as written (markup dropped). */
    text: string;
    /** The heading's level; for a label or an intro, the level a heading for it would have. */
    depth: number;
    span: Span;
  };
  /**
   * From the heading's start to the start of the next heading of the same or a higher level;
   * a label's runs over its paragraph or list item, or up to the next heading or label line.
   */
  span: Span;
  /** The section's block nodes after its heading or label line, sub-headings included. */
  nodes: RootContent[];
}

/** A known preset a report follows better than its configured sections (`sections/infer-preset.ts`). */
export interface InferredPreset {
  name: string;
  schema: Schema;
  /** The headings of the preset's own sections, which the configured schema lacks. */
  evidence: Section[];
}

/** A time as read from a timeline entry. */
export interface TimeReading {
  /** The time text as written, e.g. `~1:05 PM UTC`. */
  text: string;
  span: Span;
  /** `YYYY-MM-DD` when the entry (or a date above it) gives one. */
  date: string | null;
  /** Minutes since midnight, 0 to 1439 (seconds as a fraction). */
  minuteOfDay: number;
  /** Whether the text had AM/PM. */
  meridiem: boolean;
  /** Zone as written (`UTC`, `CET`, `+01:00`), from the entry, a note or configuration. */
  zone: string | null;
  /** Offset of `zone` from UTC in minutes, when known. */
  zoneOffset: number | null;
  approximate: boolean;
  /** End of a range such as `09:00 - 11:00`, minutes since midnight. */
  rangeEndMinuteOfDay: number | null;
  /** What is doubtful about the zone, for `timeline-time`; null when nothing is. */
  zoneProblem: ZoneProblem | null;
}

/** A reading of a zone abbreviation: `India Standard Time`, UTC+05:30. */
export interface ZoneReadingName {
  name: string;
  /** Minutes from UTC; null for a name whose offset follows the date (`Eastern Time`). */
  offset: number | null;
}

/**
 * What is doubtful about the zone of a time: a zone this does not know (`13:05 XYZT`), an
 * abbreviation with several readings (`IST`; `reading` is the one used, null for none), or a
 * local time that a clock change skipped (`gap`) or showed twice (`overlap`), with the offsets
 * before and after the change.
 */
export type ZoneProblem =
  | { kind: 'unknown' }
  | { kind: 'ambiguous'; reading: ZoneReadingName | null; others: ZoneReadingName[] }
  | { kind: 'gap' | 'overlap'; before: number; after: number };

/** One row, list item or line of the timeline. */
export interface TimelineEntry {
  /** The whole row, item or line. */
  span: Span;
  /** The time cell or the time text at the start of the item; null when there is none. */
  timeSpan: Span | null;
  /** The time text as written (`--:--` and `TBD` included). */
  timeText: string;
  /** The parsed time; null when unknown (`--:--`, `TBD`) or unreadable. */
  time: TimeReading | null;
  /**
   * Why the time could not be used, for `timeline-time`; null when it is fine. `untimed`: a
   * list item of a timeline in which nothing starts with a time, taken as an entry without one.
   */
  timeProblem: 'unknown' | 'unreadable' | 'ambiguous' | 'date-order' | 'untimed' | null;
  /** The entry's event text. */
  description: string;
  /** The row's Phase or Status cell (`Identify`, `Remediate`), when its table has one. */
  phase: string | null;
  /**
   * Minutes on one axis for ordering and metrics: the date (or the day count from midnight
   * crossings) and the zone offset applied. Null when the time is unknown or unreadable.
   */
  instant: number | null;
  /** Milestones this entry marks, and why (the marker or keyword that matched). */
  marks: MilestoneMark[];
}

/** A milestone an entry marks: why, and for a guess, the words that made it. */
export interface MilestoneMark {
  milestone: Milestone;
  /** For people: the marker or keyword that matched (`marker \`[detected]\``). */
  reason: string;
  /** The words a keyword guess rests on; null for an explicit marker. */
  inferredFrom: string | null;
}

/**
 * What a timeline is read from (SPEC §2): its section (or the bold label standing for one),
 * the day headings that follow it at its level, and later timeline headings beside it.
 */
export interface TimelineScope {
  section: Section;
  /** The block nodes read, in document order: the section's, then each later part's heading and nodes. */
  nodes: RootContent[];
  /** From the section's heading to the end of the last part. */
  span: Span;
}

export interface Timeline extends TimelineScope {
  entries: TimelineEntry[];
  /** Whether the timeline writes times in 12-hour form (some entry has AM/PM). */
  twelveHour: boolean;
  /** Why no metric can be measured on the timeline, for the lens and the CLI; null when some time was read. */
  unmeasured: string | null;
}

/**
 * A milestone's time stated outside the timeline, in a labelled line of the summary
 * (`Start: 2023-09-18 13:42`, `Detected at: 14:02 UTC`).
 */
export interface StatedMilestone {
  milestone: Milestone;
  /** On the timeline's axis of minutes (its dates and zone). */
  instant: number;
  /** The time as written. */
  text: string;
  span: Span;
}

/** Which entry each milestone resolved to (index into `timeline.entries`). */
export type MilestoneEntries = Record<Milestone, number | null>;

/** A metric stated in the text, such as `Time to detection: 54 minutes`. */
export interface StatedMetric {
  metric: MetricName;
  /** The whole line (or list item paragraph) that states it. */
  span: Span;
  /** The value as written (`54 minutes`, `1h 5m`, `???`). */
  valueText: string;
  valueSpan: Span;
  /** The value in minutes; null for a placeholder such as `?`, `???`, `TBD`. */
  minutes: number | null;
}

export interface PostmortemModel {
  /** The document text, without a byte order mark. */
  text: string;
  lines: LineIndex;
  tree: Root;
  schema: Schema;
  /**
   * The preset the report was found to follow better than the configured sections
   * (`sections/infer-preset.ts`): `schema` is then that preset's. Null otherwise.
   */
  inferredPreset: InferredPreset | null;
  /** Schema sections found, in document order. */
  sections: Section[];
  timeline: Timeline | null;
  milestones: MilestoneEntries;
  /** The milestones whose time a labelled summary line gives, where it wins over the timeline. */
  statedMilestones: Partial<Record<Milestone, StatedMilestone>>;
  /** The incident headings of a report that holds several (`severalIncidents`); else empty. */
  incidents: string[];
  /** Null when the document has no timeline section; every value null across several incidents. */
  metrics: Metrics | null;
  statedMetrics: StatedMetric[];
  /** The front matter's known fields. */
  metadata: Metadata;
  /** The action items of the follow-up sections, in document order. */
  followUps: FollowUp[];
}

/** Something about the analysis itself that the reader should know, such as what was not checked. */
export interface Notice {
  message: string;
  span: Span;
}

/** A replacement of `text.slice(start, end)` by `newText` (offsets into the model's text). */
export interface TextEdit {
  start: number;
  end: number;
  newText: string;
}

/** A fix a finding offers: its edits, and whether `--fix` may apply it unattended. */
export interface Fix {
  title: string;
  edits: TextEdit[];
  /** Safe fixes (scaffold insertion, timeline sort) are applied by `--fix` and fix-all. */
  safe: boolean;
}

/** What a rule reports, before configuration gives it a severity. */
export interface RuleFinding {
  message: string;
  span: Span;
  fix?: Fix;
  /** `info`: the finding is information whatever the rule's severity (unless it is off). */
  severity?: 'info';
}

/** A finding with its rule and effective severity. */
export interface Finding extends Omit<RuleFinding, 'severity'> {
  ruleId: RuleId;
  severity: Exclude<Severity, 'off'>;
}

/** The front matter fields the engine knows, in the order the CLI's `metadata` lists them. */
export const METADATA_FIELDS = [
  'title',
  'id',
  'date',
  'severity',
  'status',
  'authors',
  'services',
  'started',
  'detected',
  'resolved',
] as const;

export type MetadataField = (typeof METADATA_FIELDS)[number];

/** What the `metadata` block of configuration decides: required fields and known values. */
export interface MetadataConfig {
  /** Fields every report's front matter must have. */
  required: MetadataField[];
  /** The severity scale, most severe first (`SEV1` … `SEV4`). */
  severities: string[];
  /** The statuses a report goes through (`draft`, `in-review`, `final`). */
  statuses: string[];
  /**
   * The `id` a new report gets: `{date}` stands for `YYYY-MM-DD`, `{yyyy}`, `{mm}`, `{dd}`
   * for its parts (`INC-{yyyy}{mm}{dd}`).
   */
  idPattern: string;
  /**
   * Values of another scale, by what a team used to write, and the value of the configured
   * scales each stands for (`P2` → `SEV2`); compared as the scales are, case and separators aside.
   */
  aliases: Record<string, string>;
}

/**
 * How loud findings are at a status: `info` makes every finding information; an object gives
 * rules their severities over the configured ones (`final` raising `placeholder` to `error`).
 */
export type StatusStrictness = 'info' | Partial<Record<RuleId, Severity>>;

/** Sections a severity makes required or optional, by section id. */
export interface SeveritySections {
  required: string[];
  optional: string[];
}

/** What a follow-up must name to pass `action-items`. */
export const FOLLOW_UP_ATTRIBUTES = ['owner', 'due', 'ticket'] as const;

export type FollowUpAttribute = (typeof FOLLOW_UP_ATTRIBUTES)[number];

/** Where follow-ups are read and what each one must name. */
export interface FollowUpConfig {
  /** Ids of the sections whose items are follow-ups. */
  sections: string[];
  /** What an open follow-up must name. */
  require: FollowUpAttribute[];
  /** Regular expressions of tracking keys (`[A-Z][A-Z0-9]+-\d+`), matched whole-word. */
  ticketPatterns: string[];
}

/** A known front matter field as written: its value, and where its key and value are. */
export interface MetadataEntry {
  field: MetadataField;
  /** The parsed value: a string, number, list… (a TOML date or time as written). */
  value: unknown;
  keySpan: Span;
  /** Null for a key written without a value. */
  valueSpan: Span | null;
}

/** The report's front matter, as far as the engine knows its fields. */
export interface Metadata {
  /** The front matter block, fences included; null without front matter. */
  span: Span | null;
  format: 'yaml' | 'toml' | null;
  /** The known fields written, in the order of `METADATA_FIELDS`. */
  entries: MetadataEntry[];
  /** `severity` and `status` as text, when written as text; null otherwise. */
  severity: string | null;
  status: string | null;
}

/** One action item of a report. */
export interface FollowUp {
  /** The list item or table row. */
  span: Span;
  /** What is to be done, the owner, due date, ticket and status words taken out. */
  text: string;
  /** As written: `@alice`, `Alice`. */
  owner: string | null;
  /** `YYYY-MM-DD`. */
  due: string | null;
  /** An issue URL or a key such as `OPS-123`. */
  ticket: string | null;
  status: 'open' | 'done';
  /** Open and due before the analysis' day. */
  overdue: boolean;
  /** What the status was read from: `checkbox`, the `Status` cell, a word; null when assumed open. */
  statusFrom: string | null;
}

/** Milestones that keywords can mark (`start` is marked only explicitly or by position). */
export type KeywordMilestone = Exclude<Milestone, 'start'>;

/** Everything configuration decides for one document, defaults filled in. */
export interface LintConfig {
  schema: Schema;
  rules: Record<RuleId, Severity>;
  /** Keyword stems per milestone, matched case-insensitively at word starts. */
  milestoneKeywords: Record<KeywordMilestone, string[]>;
  /** Zone for times that state none, e.g. `UTC`; null to leave times zoneless. */
  timeZone: string | null;
  /**
   * Which part of a numeric date such as `03/04/2025` is the day, where the document's own
   * dates do not settle it; null to report such dates instead of guessing.
   */
  dateOrder: DateOrder | null;
  /**
   * Globs of files that are post-mortems, relative to the folder of the configuration file,
   * beside the editor's `postmortem.files` and the command line's defaults.
   */
  files: string[];
  /** Extensions beside `.md` and `.markdown` that folders are searched for (`.mdx`). */
  extensions: string[];
  metadata: MetadataConfig;
  /** How loud findings are, by the report's `status`; statuses not named keep `rules`. */
  strictness: Record<string, StatusStrictness>;
  /** Sections made required or optional by the report's `severity`. */
  severitySections: Record<string, SeveritySections>;
  followUps: FollowUpConfig;
  /**
   * The day follow-ups are due against (`YYYY-MM-DD`); absent: the local date when the
   * analysis runs. Set by tests and by callers that replay a day.
   */
  today?: string;
}
