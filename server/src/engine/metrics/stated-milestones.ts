/**
 * Milestone times stated outside the timeline (SPEC §3): a labelled line of the summary such
 * as `Start: 2023-09-18 13:42`, `Incident start: 13:42 UTC`, `Detected at: 14:02`,
 * `Resolved: 2023-09-18 16:10`, put on the timeline's axis (its dates and zone) so that
 * metrics can run from them.
 */
import type { Milestone, Section, StatedMilestone, Timeline } from '../model';
import type { LineIndex } from '../markdown/lines';
import { dayNumber, readTime } from '../timeline/times';
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

/** The day (on the timeline's axis) and zone a stated time without its own takes. */
function context(timeline: Timeline) {
  const first = timeline.entries.find((entry) => entry.instant !== null && entry.time);
  const date = first?.time?.date ?? null;
  return {
    year: date === null ? null : Number(date.slice(0, 4)),
    day: date === null ? 0 : Date.parse(date) / 86_400_000,
    zone: first?.time?.zone ?? null,
  };
}

/**
 * The milestones the summary's labelled lines state, the first line for each; a line whose
 * value is not a time (`Detection: an alert`, `Start: Wednesday`) states nothing.
 */
export function findStatedMilestones(
  summary: Section | undefined,
  timeline: Timeline | null,
  lines: LineIndex,
): Partial<Record<Milestone, StatedMilestone>> {
  const found: Partial<Record<Milestone, StatedMilestone>> = {};
  if (!summary || !timeline) return found;
  const axis = context(timeline);
  const text = lines.text;
  for (const node of summary.nodes) {
    forEachLine(node, lines, (from, to) => {
      const line = labelledLine(text, from, to, LABEL);
      if (!line) return;
      const milestone = milestoneOf(line.match[1]!);
      const time = readTime(text, line.valueStart, to);
      if (found[milestone] || !time || time.minuteOfDay === null || time.unknown) return;
      // A date only where the timeline has dates: an undated timeline is one day's axis.
      const day =
        time.date && axis.year !== null
          ? dayNumber({ ...time.date, year: time.date.year ?? axis.year })
          : axis.day;
      const local = day * 1440 + time.minuteOfDay;
      const zone = time.zone ?? axis.zone;
      const offset = zone ? (zoneOffset(zone, local) ?? 0) : 0;
      found[milestone] = {
        milestone,
        instant: local - offset,
        text: text.slice(line.valueStart, time.end),
        span: lines.span(line.valueStart, time.end),
      };
    });
  }
  return found;
}
