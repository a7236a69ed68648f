/**
 * `timeline-time`: a timeline entry whose time cannot be read or is ambiguous, or whose zone
 * is unknown, has several readings, or does not name one instant on the row's date (a clock
 * change skipped or repeated the time).
 */
import type {
  RuleFinding,
  Timeline,
  TimelineEntry,
  TimeReading,
  ZoneProblem,
  ZoneReadingName,
} from '../model';
import { isBlankText, PLACEHOLDER } from '../markdown/content';
import { formatOffset } from '../timeline/zones';
import type { Rule } from './rule';

const EXPECTED_ZONE =
  'an abbreviation such as `UTC` or `CET`, an offset such as `+01:00` or an IANA zone such as `Europe/Copenhagen`';

function message(entry: TimelineEntry): string {
  const time = entry.timeText.trim();
  switch (entry.timeProblem) {
    case 'unknown':
      return `Timeline time \`${time}\` is unknown; the entry is skipped for ordering and metrics`;
    case 'ambiguous':
      return `Timeline time \`${time}\` has no AM or PM in a timeline that uses 12-hour times`;
    case 'date-order':
      return `Timeline date \`${time}\` may be day or month first, and no date of the report settles it; it is read month first. Set \`dateOrder\` to \`day-month\` or \`month-day\``;
    default:
      return time === ''
        ? 'Timeline entry has no time; expected a time such as `13:05` or `2025-03-15 13:05`'
        : `Timeline time \`${time}\` cannot be read; expected a time such as \`13:05\` or \`2025-03-15 13:05\``;
  }
}

const utc = (offset: number) => `UTC${formatOffset(offset)}`;

function reading({ name, offset }: ZoneReadingName): string {
  return offset === null ? name : `${name} (${utc(offset)})`;
}

function zoneMessage(entry: TimelineEntry, time: TimeReading, problem: ZoneProblem): string {
  const zone = `\`${time.zone}\``;
  const text = `\`${entry.timeText.trim()}\``;
  switch (problem.kind) {
    case 'unknown':
      return `Timeline zone ${zone} is unknown; expected ${EXPECTED_ZONE}`;
    case 'ambiguous': {
      const names = problem.others.map(reading);
      const others =
        names.length > 1 ? `${names.slice(0, -1).join(', ')} or ${names.at(-1)}` : names[0];
      return problem.reading
        ? `Timeline zone ${zone} has several readings; read as ${reading(problem.reading)}, not ${others}: write an offset to be sure`
        : `Timeline zone ${zone} has several readings (${others}); write an offset such as \`+01:00\``;
    }
    case 'gap':
      return `Timeline time ${text} does not exist in ${zone} on ${time.date}: clocks went forward from ${utc(problem.before)} to ${utc(problem.after)}; read as ${utc(problem.before)}`;
    case 'overlap':
      return `Timeline time ${text} happens twice in ${zone} on ${time.date}: clocks went back from ${utc(problem.before)} to ${utc(problem.after)}; read as the first, ${utc(problem.before)}`;
  }
}

/**
 * One finding on the heading of a timeline with entries none of which has a time, where no
 * entry has a finding of its own: items that start with no time, or dates alone.
 */
function timelessFinding(timeline: Timeline): RuleFinding[] {
  const { entries } = timeline;
  const silent = entries.every(
    (entry) => entry.instant === null && (entry.timeProblem ?? 'untimed') === 'untimed',
  );
  if (entries.length === 0 || !silent) return [];
  const count = entries.length === 1 ? '1 entry' : `${entries.length} entries`;
  return [
    {
      message: `Timeline has ${count} but none has a time, so it cannot be ordered or measured; start each with a time such as \`13:05\``,
      span: timeline.section.heading.span,
    },
  ];
}

/**
 * Whether an unreadable time is template text (`HH:mm`, `20xx-MM-DD HH:mm`): one problem, which
 * `placeholder` (or `empty-section`) reports, not also an unreadable time.
 */
function isTemplateTime(entry: TimelineEntry): boolean {
  if (entry.timeProblem !== 'unreadable') return false;
  const text = entry.timeText.trim();
  return text !== '' && text.search(PLACEHOLDER) >= 0 && isBlankText(text);
}

/**
 * What an entry alone gives the rule: its time's finding, and its zone's with the zone it is
 * said once for. Null fields: none.
 */
interface EntryFindings {
  time: RuleFinding | null;
  zone: RuleFinding | null;
  /** The zone of an unknown or ambiguous zone's finding, said once; else null. */
  onceFor: string | null;
}

const NONE: EntryFindings = { time: null, zone: null, onceFor: null };

function entryFindings(entry: TimelineEntry): EntryFindings {
  if (entry.timeProblem === 'untimed' || isTemplateTime(entry)) return NONE;
  const span = entry.timeSpan ?? entry.span;
  const time = entry.timeProblem === null ? null : { message: message(entry), span };
  const reading = entry.time;
  const problem = reading?.zoneProblem;
  if (!reading || !problem) return time ? { time, zone: null, onceFor: null } : NONE;
  const once = problem.kind === 'unknown' || problem.kind === 'ambiguous';
  return {
    time,
    zone: { message: zoneMessage(entry, reading, problem), span },
    onceFor: once ? reading.zone! : null,
  };
}

/**
 * The findings of each entry read, by entry: an entry kept from the last read of a session's
 * timeline (moved in place, its span with it) keeps them, so an edit elsewhere builds none.
 */
const byEntry = new WeakMap<TimelineEntry, EntryFindings>();

function findingsOf(entry: TimelineEntry): EntryFindings {
  let found = byEntry.get(entry);
  if (!found) {
    found = entryFindings(entry);
    byEntry.set(entry, found);
  }
  return found;
}

export const timelineTime: Rule = {
  id: 'timeline-time',
  description:
    'A timeline entry has a time that cannot be read or is ambiguous, or a zone that is unknown or ambiguous.',
  defaultSeverity: 'warning',
  reads: 'structure',
  check(model) {
    if (!model.timeline) return [];
    const findings = timelessFinding(model.timeline);
    let dateOrderReported = false;
    // An unknown or ambiguous zone is said once, on the first entry that has it.
    const zonesSaid = new Set<string>();
    const { entries } = model.timeline;
    // By index: an array's iterator, where V8 has not optimised the loop, allocates per entry.
    for (let i = 0; i < entries.length; i++) {
      const entry = entries[i]!;
      const { time, zone, onceFor } = findingsOf(entry);
      // The order is the document's: said once, on its first date.
      if (time && !(entry.timeProblem === 'date-order' && dateOrderReported)) {
        dateOrderReported ||= entry.timeProblem === 'date-order';
        findings.push(time);
      }
      if (!zone) continue;
      if (onceFor !== null) {
        if (zonesSaid.has(onceFor)) continue;
        zonesSaid.add(onceFor);
      }
      findings.push(zone);
    }
    return findings;
  },
};
