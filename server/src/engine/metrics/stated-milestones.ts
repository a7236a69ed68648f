/**
 * Milestone times stated outside the timeline (SPEC §3): front matter fields (`started:`,
 * `detected:`, `resolved:`), a labelled line of the summary such
 * as `Start: 2023-09-18 13:42`, `Incident start: 13:42 UTC`, `Detected at: 14:02`,
 * `Resolved: 2023-09-18 16:10`, or the incident's window in a summary sentence (`On 2023-07-20
 * between 12:17 and 12:30 UTC`), put on the timeline's axis (its dates and zone) so that
 * metrics can run from them.
 */
import type { Milestone, Section, StatedMilestone, Timeline } from '../model';
import type { LineIndex } from '../markdown/lines';
import type { FrontMatter } from '../markdown/front-matter';
import type { DateParts, ParsedTime } from '../timeline/times';
import { dayNumber, findDate, readTime } from '../timeline/times';
import { zoneOffset } from '../timeline/zones';
import { forEachLine, labelledLine } from './stated';

/** Milestones a summary line can state. */
type StatedName = Extract<Milestone, 'start' | 'detected' | 'resolved'>;

const LABEL =
  /(?:(?:incident|impact|outage|problem)[ \t]{1,3})?(start(?:ed)?|began|begin|detect(?:ed|ion)|resol(?:ved|ution)|end(?:ed)?)(?:[ \t]{1,3}(?:at|time|on))?(?![\p{L}\p{N}])/iuy;

function milestoneOf(word: string): StatedName {
  const w = word.toLowerCase();
  if (w.startsWith('det')) return 'detected';
  if (w.startsWith('res') || w.startsWith('end')) return 'resolved';
  return 'start';
}

/** Days of the timeline's axis looked at for a stated time without a date. */
const MAX_DAYS = 366;

/** The timeline's axis: its year and dated days, its entries' instants, its zone. */
function context(timeline: Timeline) {
  const timed = timeline.entries.filter((entry) => entry.instant !== null && entry.time);
  const dates = [...new Set(timed.flatMap((entry) => entry.time!.date ?? []))];
  return {
    year: dates.length === 0 ? null : Number(dates[0]!.slice(0, 4)),
    days: dates.slice(0, MAX_DAYS).map((date) => Date.parse(date) / 86_400_000),
    instants: timed.map((entry) => entry.instant!).sort((x, y) => x - y),
    zone: timed[0]?.time?.zone ?? null,
  };
}

type Axis = ReturnType<typeof context>;

/** How far an instant is from the nearest entry's. */
function distance(axis: Axis, instant: number): number {
  let [low, high] = [0, axis.instants.length - 1];
  while (low < high) {
    const middle = (low + high) >> 1;
    if (axis.instants[middle]! < instant) low = middle + 1;
    else high = middle;
  }
  const near = [axis.instants[low - 1], axis.instants[low]].filter((x) => x !== undefined);
  return Math.min(...near.map((x) => Math.abs(x - instant)));
}

/**
 * Puts a time read from the summary on the timeline's axis (`axisOf()`, read once when first
 * needed): on its own date where the timeline has dates, else on the timeline's day that
 * brings it nearest an entry (an undated timeline is one day's axis); in its own zone, else the
 * timeline's.
 */
function place(
  axisOf: () => Axis,
  minuteOfDay: number,
  date: DateParts | null,
  zone: string | null,
): number {
  const axis = axisOf();
  const at = zone ?? axis.zone;
  const instant = (day: number) => {
    const local = day * 1440 + minuteOfDay;
    return local - (at ? (zoneOffset(at, local) ?? 0) : 0);
  };
  if (axis.year === null) return instant(0);
  if (date) return instant(dayNumber({ ...date, year: date.year ?? axis.year }));
  const candidates = axis.days.map(instant);
  return candidates.reduce((best, x) => (distance(axis, x) < distance(axis, best) ? x : best));
}

/** The word that opens an incident's window in a summary: `between 12:17 and 12:30 UTC`. */
const WINDOW_OPENER = /(?<![\p{L}\p{N}])(?:between|from)[ \t\n]{1,3}/giu;
/** What joins the window's two times. */
const WINDOW_JOINER = /[ \t\n]{0,3}(?:and|to|until|till|through|-|\u2013|\u2014)[ \t\n]{0,3}/iy;
/** How much of a paragraph is searched for a window: summaries open with it. */
const WINDOW_REACH = 2000;

/**
 * The incident's window in a summary sentence (`On 2023-07-20 between 12:17 and 12:30 UTC`,
 * `from 09:02 to 09:40 CET`): its start and end on the timeline's axis, the date from the times
 * or the sentence; null when the paragraph `[from, to)` has none with two clock times.
 */
function findWindow(text: string, from: number, to: number, axis: () => Axis) {
  const limit = Math.min(to, from + WINDOW_REACH);
  const paragraph = text.slice(from, limit);
  for (const opener of paragraph.matchAll(WINDOW_OPENER)) {
    const at = from + opener.index + opener[0].length;
    const start = readTime(text, at, limit);
    if (!start || start.minuteOfDay === null || start.unknown) continue;
    let endMinute = start.rangeEndMinuteOfDay;
    let end: ReturnType<typeof readTime> = null;
    let endFrom = at;
    let endAt = start.end;
    if (endMinute === null) {
      WINDOW_JOINER.lastIndex = start.end;
      const joiner = WINDOW_JOINER.exec(text);
      if (!joiner || joiner.index !== start.end) continue;
      endFrom = start.end + joiner[0].length;
      end = readTime(text, endFrom, limit);
      if (!end || end.minuteOfDay === null || end.unknown) continue;
      endMinute = end.minuteOfDay;
      endAt = end.end;
    }
    const date = start.date ?? end?.date ?? findDate(text.slice(from, at));
    const zone = start.zone ?? end?.zone ?? null;
    return {
      start: { instant: place(axis, start.minuteOfDay, date, zone), from: at, to: start.end },
      end: { instant: place(axis, endMinute, end?.date ?? date, zone), from: endFrom, to: endAt },
    };
  }
  return null;
}

/** A front matter key naming a milestone: `started`, `detected_at`, `incident-resolved`. */
const MATTER_KEY =
  /^(?:(?:incident|impact|outage)[_-]?)?(start(?:ed)?|began|detect(?:ed|ion)|resol(?:ved|ution)|end(?:ed)?)(?:[_-]?(?:at|time|on))?$/i;

/**
 * The milestones the front matter states (`started: 2023-09-18 13:42`, `detected_at: …`,
 * `resolved = 2023-09-18T16:10:00Z`); each key's value as the time, its line as the span.
 */
function fromFrontMatter(
  matter: FrontMatter,
  text: string,
  state: (milestone: Milestone, time: ParsedTime, from: number, to: number) => void,
): void {
  for (const [key, value] of Object.entries(matter.fields)) {
    const name = MATTER_KEY.exec(key);
    const at = matter.keys[key];
    if (!name || at === undefined || typeof value !== 'string') continue;
    // TOML's dates come back with milliseconds (`…T16:10:00.000Z`), which no report writes.
    const written = value.replace(/\.\d{3}(?=Z|[+-]\d|$)/, '');
    const time = readTime(written, 0, written.length);
    if (!time || time.minuteOfDay === null || time.unknown) continue;
    const end = text.indexOf('\n', at);
    state(milestoneOf(name[1]!), time, at, end < 0 ? text.length : end);
  }
}

/**
 * The milestones a report states outside its timeline: its front matter's fields (`started:`,
 * `detected:`, `resolved:`), else the summary's labelled lines (`Start: 2023-09-18 13:42`,
 * `Detected at: 14:02`, `Resolved: …`), the first line for each; else the incident's window in
 * a summary sentence (`between 12:17 and 12:30 UTC`) for the start and the resolution. A value
 * that is not a time (`Detection: an alert`, `Start: Wednesday`) states nothing.
 */
export function findStatedMilestones(
  matter: FrontMatter | null,
  summary: Section | undefined,
  timeline: Timeline | null,
  lines: LineIndex,
): Partial<Record<Milestone, StatedMilestone>> {
  const found: Partial<Record<Milestone, StatedMilestone>> = {};
  if (!timeline) return found;
  // Most reports state no milestone: the axis is read for the first that does.
  let read: Axis | null = null;
  const axis = () => (read ??= context(timeline));
  const text = lines.text;
  const state = (milestone: Milestone, instant: number, from: number, to: number) => {
    found[milestone] = {
      milestone,
      instant,
      text: text.slice(from, to),
      span: lines.span(from, to),
    };
  };
  if (matter) {
    fromFrontMatter(matter, text, (milestone, time, from, to) => {
      if (found[milestone]) return;
      state(milestone, place(axis, time.minuteOfDay!, time.date, time.zone), from, to);
    });
  }
  let window: ReturnType<typeof findWindow> = null;
  for (const node of summary?.nodes ?? []) {
    forEachLine(node, lines, (from, to) => {
      const line = labelledLine(text, from, to, LABEL);
      if (!line) return;
      const milestone = milestoneOf(line.match[1]!);
      const time = readTime(text, line.valueStart, to);
      if (found[milestone] || !time || time.minuteOfDay === null || time.unknown) return;
      state(
        milestone,
        place(axis, time.minuteOfDay, time.date, time.zone),
        line.valueStart,
        time.end,
      );
    });
    if (!window && node.type === 'paragraph' && node.position) {
      window = findWindow(text, node.position.start.offset!, node.position.end.offset!, axis);
    }
  }
  if (window && !found.start)
    state('start', window.start.instant, window.start.from, window.start.to);
  if (window && !found.resolved)
    state('resolved', window.end.instant, window.end.from, window.end.to);
  return found;
}
