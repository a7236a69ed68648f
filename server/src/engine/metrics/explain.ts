/**
 * What a metric rests on, in words: why one cannot be computed (which milestone is missing, a
 * timeline without readable times) and which keyword guesses one rests on (SPEC §3: a metric
 * resting on inference is shown as such). The code lens, the view and the CLI all say it so.
 */
import type { MetricName, Milestone, PostmortemModel, TimelineEntry } from '../model';
import { METRIC_NAMES } from '../model';
import { boundInstant } from './compute';
import { formatDuration } from './durations';
import { METRIC_VOCABULARY } from './vocabulary';

/** Why a metric has no value. */
export interface MetricGap {
  milestone: Milestone;
  /**
   * `no-time`: no entry has a readable time; `unmarked`: no entry marks it; `early`: only
   * entries before what it counts from do; `incidents`: the report holds several incidents.
   */
  kind: 'no-time' | 'unmarked' | 'early' | 'incidents';
}

/** A metric as people are told of it: its value, why it has none, the guesses it rests on. */
export interface MetricNote {
  minutes: number | null;
  /** Null when the metric has a value. */
  gap: MetricGap | null;
  /** The keywords its milestones were guessed from; empty when they are explicit. */
  inferredFrom: string[];
}

/** What each milestone counts from: an entry marking it earlier than that is not used. */
const MEASURED_FROM: Record<Milestone, string> = {
  start: 'the first entry',
  detected: 'the start',
  acknowledged: 'the detection',
  mitigated: 'the start',
  resolved: 'the start',
};

function metricGap(model: PostmortemModel, metric: MetricName): MetricGap | null {
  if (!model.metrics || model.metrics[metric] !== null) return null;
  if (model.incidents.length > 0) return { milestone: 'start', kind: 'incidents' };
  const timeline = model.timeline!;
  const at = (milestone: Milestone) =>
    boundInstant(timeline, model.milestones, model.statedMilestones, milestone);
  if (at('start') === null) return { milestone: 'start', kind: 'no-time' };
  const { from, to } = METRIC_VOCABULARY[metric];
  // Milestones resolve only to entries with a time, so a missing end is a missing milestone.
  for (const milestone of [from, to]) {
    if (at(milestone) !== null) continue;
    // One test of a mark for every entry, not one made per entry.
    const names = (mark: TimelineEntry['marks'][number]) => mark.milestone === milestone;
    const marked = timeline.entries.some(
      (entry) => entry.instant !== null && entry.marks.some(names),
    );
    return { milestone, kind: marked ? 'early' : 'unmarked' };
  }
  return null;
}

function inferredFrom(model: PostmortemModel, metric: MetricName): string[] {
  const { from, to } = METRIC_VOCABULARY[metric];
  const words = [from, to].flatMap((milestone) => {
    // With no mitigation entry, mitigation is the resolution and rests on what it rests on.
    const at =
      milestone === 'mitigated' && model.milestones.mitigated === null ? 'resolved' : milestone;
    const index = model.milestones[at];
    if (model.statedMilestones[at] || index === null) return [];
    const mark = model.timeline!.entries[index]!.marks.find((m) => m.milestone === at);
    return mark?.inferredFrom ? [mark.inferredFrom] : [];
  });
  return [...new Set(words)];
}

/** Per milestone an entry stands for, the keyword it was guessed from (none for a marker). */
export function entryGuesses(
  entry: TimelineEntry,
  milestones: readonly Milestone[],
): Partial<Record<Milestone, string>> {
  return Object.fromEntries(
    milestones.flatMap((milestone) => {
      const mark = entry.marks.find((candidate) => candidate.milestone === milestone);
      return mark?.inferredFrom ? [[milestone, mark.inferredFrom]] : [];
    }),
  );
}

/** Each metric's note; null when the document has no timeline. */
export function metricNotes(model: PostmortemModel): Record<MetricName, MetricNote> | null {
  if (!model.metrics) return null;
  const metrics = model.metrics;
  return Object.fromEntries(
    METRIC_NAMES.map((name) => [
      name,
      {
        minutes: metrics[name],
        gap: metricGap(model, name),
        inferredFrom: inferredFrom(model, name),
      },
    ]),
  ) as Record<MetricName, MetricNote>;
}

/** A gap in a few words: `no entry marks detected`. */
export function gapReason(gap: MetricGap): string {
  switch (gap.kind) {
    case 'no-time':
      return 'no entry with a readable time';
    case 'incidents':
      return 'several incidents, never summed';
    case 'unmarked':
      // With no mitigation entry, the resolution would have served.
      return `no entry marks ${gap.milestone === 'mitigated' ? 'mitigated or resolved' : gap.milestone}`;
    case 'early':
      return `${gap.milestone} is marked only before ${MEASURED_FROM[gap.milestone]}`;
  }
}

/** A gap and how to close it: `Detected: not marked — add [detected] to an entry`. */
export function gapAdvice(gap: MetricGap): string {
  const name = gap.milestone[0]!.toUpperCase() + gap.milestone.slice(1);
  switch (gap.kind) {
    case 'no-time':
      return 'Start: no entry with a readable time';
    case 'incidents':
      return 'Several incidents: give each its own report to measure it';
    case 'unmarked':
      return `${name}: not marked — add [${gap.milestone}] to an entry`;
    case 'early':
      return `${name}: marked only before ${MEASURED_FROM[gap.milestone]} — add [${gap.milestone}] to a later entry`;
  }
}

/** What keeps metrics from being computed, once each: `Resolved: not marked — add [resolved] …`. */
export function missingAdvice(notes: Record<MetricName, MetricNote>): string[] {
  const advice = METRIC_NAMES.flatMap((name) => {
    const gap = notes[name].gap;
    return gap ? [gapAdvice(gap)] : [];
  });
  return [...new Set(advice)];
}

/** What a report without a timeline is told in place of its metrics. */
export const NO_TIMELINE_ADVICE = 'No timeline: add a Timeline section to compute metrics.';

/** What the `*` of a value resting on a keyword guess means. */
export const GUESSED_NOTE = '* guessed from keywords';

/** Whether any value rests on a keyword guess (and has a `*`). */
export function anyGuessed(notes: Record<MetricName, MetricNote>): boolean {
  return METRIC_NAMES.some(
    (name) => notes[name].minutes !== null && notes[name].inferredFrom.length > 0,
  );
}

/** The values alone, as the code lens shows them: `TTD 0m · TTA 5m* · TTM — · TTR —`. */
export function metricValues(notes: Record<MetricName, MetricNote>): string {
  return METRIC_NAMES.map((name) => {
    const { minutes, inferredFrom } = notes[name];
    const value = minutes === null ? '—' : formatDuration(minutes);
    return `${METRIC_VOCABULARY[name].abbreviation} ${value}${minutes !== null && inferredFrom.length > 0 ? '*' : ''}`;
  }).join(' · ');
}

/**
 * The metrics on one line, as the CLI prints them:
 * `TTD 0m · TTA 5m* · TTM — · TTR — (TTM, TTR: no entry marks resolved; * guessed from keywords)`.
 * A value resting on a keyword guess has a `*`; a missing one says why.
 */
export function metricsLine(notes: Record<MetricName, MetricNote>): string {
  const reasons = new Map<string, string[]>();
  for (const name of METRIC_NAMES) {
    const gap = notes[name].gap;
    if (!gap) continue;
    const reason = gapReason(gap);
    reasons.set(reason, [...(reasons.get(reason) ?? []), METRIC_VOCABULARY[name].abbreviation]);
  }
  const said = [...reasons].map(([reason, names]) =>
    reasons.size === 1 && names.length === METRIC_NAMES.length
      ? reason
      : `${names.join(', ')}: ${reason}`,
  );
  if (anyGuessed(notes)) said.push(GUESSED_NOTE);
  return metricValues(notes) + (said.length > 0 ? ` (${said.join('; ')})` : '');
}
