/**
 * Milestones (SPEC §3): which entries mark `start`, `detected`, `acknowledged`, `mitigated`
 * and `resolved`, and which entry each milestone resolves to.
 *
 * An explicit marker (`[detected]`, `(resolved)`, `[ack]`, `(problem started)`) wins: when
 * any entry carries a marker for a milestone, only markers mark that milestone. Otherwise
 * keyword stems mark it, matched case-insensitively at word starts (`page` marks
 * `PagerDuty`; a space or hyphen in a stem also matches the other or nothing, so `on-call`
 * marks `on call` and `oncall`).
 */
import type {
  KeywordMilestone,
  Milestone,
  MilestoneEntries,
  PostmortemModel,
  StatedMilestone,
  Timeline,
  TimelineEntry,
} from '../model';
import { MILESTONES } from '../model';
import { guessHolds } from './guess-context';
import type { GenerationMemo } from '../timeline/row-memo';

/** Marker names, as written between brackets or parentheses, and what they mark. */
const MARKER_NAMES: Record<string, Milestone> = {
  start: 'start',
  started: 'start',
  'problem started': 'start',
  'incident started': 'start',
  'impact started': 'start',
  detected: 'detected',
  acknowledged: 'acknowledged',
  ack: 'acknowledged',
  acked: 'acknowledged',
  mitigated: 'mitigated',
  resolved: 'resolved',
};

const MARKER =
  /[[(][ \t]{0,3}(problem started|incident started|impact started|started|start|detected|acknowledged|acked|ack|mitigated|resolved)[ \t]{0,3}[\])]/gi;

/**
 * What a Phase or Status cell's first word says, by stem: the incident lifecycle's words
 * (`Detection`, `Identify`, `Triage`, `Containment`, `Remediate`, `Recovery`, `Resolved`).
 */
const PHASES: [RegExp, Milestone][] = [
  [/^(?:start|began|begin|onset|trigger|impact)/i, 'start'],
  [/^(?:detect|identif|discover|alert)/i, 'detected'],
  [/^(?:ack|respon|triag|investigat|escalat|engag)/i, 'acknowledged'],
  [/^(?:mitigat|contain|remediat|workaround)/i, 'mitigated'],
  [/^(?:resol|fix|recover|restor|clos|done|complete)/i, 'resolved'],
];

function phaseMilestone(phase: string | null): Milestone | null {
  const word = phase?.replace(/^[^\p{L}]+/u, '') ?? '';
  return PHASES.find(([stem]) => stem.test(word))?.[1] ?? null;
}

/**
 * Marks from a Phase or Status column: the first row of each run of a phase marks the
 * milestone its word names (the rows after it stay in that phase), as explicitly as a marker.
 * A phase earlier in the lifecycle than one the table has reached is follow-up work (an
 * `Investigate` row after `Remediate`), not that milestone, and marks nothing.
 */
function phaseMarks(entries: TimelineEntry[]): (TimelineEntry['marks'][number] | null)[] {
  let previous: Milestone | null = null;
  let reached = -1;
  return entries.map((entry) => {
    if (entry.phase === null) return null;
    const milestone = phaseMilestone(entry.phase);
    const starts = milestone !== null && milestone !== previous;
    previous = milestone;
    if (!starts) return null;
    const stage = MILESTONES.indexOf(milestone);
    if (stage < reached) return null;
    reached = stage;
    return { milestone, reason: `phase \`${entry.phase}\``, inferredFrom: null };
  });
}

/** One milestone's stems as one pattern, a group per stem, so one search finds the first. */
interface KeywordPattern {
  milestone: KeywordMilestone;
  stems: string[];
  pattern: RegExp;
}

/**
 * The patterns of the keywords configured, by their JSON, made once for each (a document's
 * configuration is analysed again and again); the last few are kept. The patterns are only
 * searched with `matchAll`, which leaves them as they were.
 */
const patternsByKeywords = new Map<string, KeywordPattern[]>();
const KEPT_PATTERNS = 16;

function keywordPatterns(keywords: Record<KeywordMilestone, string[]>): KeywordPattern[] {
  const key = JSON.stringify(keywords);
  let patterns = patternsByKeywords.get(key);
  if (!patterns) {
    patterns = compiledPatterns(keywords);
    if (patternsByKeywords.size >= KEPT_PATTERNS) patternsByKeywords.clear();
    patternsByKeywords.set(key, patterns);
  }
  return patterns;
}

function compiledPatterns(keywords: Record<KeywordMilestone, string[]>): KeywordPattern[] {
  return (Object.keys(keywords) as KeywordMilestone[]).flatMap((milestone) => {
    const stems = keywords[milestone].filter((stem) => stem.trim() !== '');
    if (stems.length === 0) return [];
    const alternatives = stems.map(
      (stem) =>
        `(${stem
          .trim()
          .replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
          .replace(/[\s-]+/g, '[\\s-]?')})`,
    );
    const pattern = new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternatives.join('|')})`, 'giu');
    return [{ milestone, stems, pattern }];
  });
}

function markerMarks(description: string): TimelineEntry['marks'] {
  const marks: TimelineEntry['marks'] = [];
  // A marker opens with a bracket or a parenthesis: most events have neither.
  if (!description.includes('[') && !description.includes('(')) return marks;
  for (const match of description.matchAll(MARKER)) {
    const milestone = MARKER_NAMES[match[1]!.toLowerCase().replace(/\s+/g, ' ')]!;
    if (!marks.some((mark) => mark.milestone === milestone)) {
      marks.push({ milestone, reason: `marker \`${match[0]}\``, inferredFrom: null });
    }
  }
  return marks;
}

/** Keyword matches looked at per entry and milestone: a bound for pathological rows. */
const MAX_MATCHES = 50;

/**
 * The stem a description marks a milestone by, the first whose words let it stand as a guess
 * (`guessHolds`: not `rollback attempted`, not `monitoring period`); null when none does.
 */
function keywordMark(
  description: string,
  { milestone, stems, pattern }: KeywordPattern,
): string | null {
  let seen = 0;
  for (const match of description.matchAll(pattern)) {
    if (++seen > MAX_MATCHES) break;
    if (!guessHolds(description, match.index, match.index + match[0].length, milestone)) continue;
    const group = match.findIndex((value, i) => i > 0 && value !== undefined);
    return stems[group - 1]!;
  }
  return null;
}

/**
 * The text keywords are looked for in: the description without its Phase or Status cell, whose
 * word marks through `phaseMarks` or not at all (`Monitoring` is no detection).
 */
function keywordText(entry: TimelineEntry): string {
  if (entry.phase === null) return entry.description;
  const cells = entry.description.split(' | ');
  const at = cells.lastIndexOf(entry.phase);
  return at < 0 ? entry.description : cells.filter((_, i) => i !== at).join(' | ');
}

/** The keyword stem an event's words mark each milestone by, for the milestones looked at. */
export type KeywordGuesses = Partial<Record<KeywordMilestone, string | null>>;

/**
 * What an entry's marks were made from, beside its own description and phase: the milestone
 * its Phase cell started (null: none), and the milestones keywords were looked for (joined).
 */
export interface MarksRead {
  phase: Milestone | null;
  patterns: string;
}

/** Where what an entry's marks were made from is kept from one read to the next. */
export interface MarksKeeper {
  marksRead: MarksRead | null;
}

/**
 * Fills each entry's `marks` from its description and Phase column: explicit markers and
 * phases, and keywords for the milestones no entry marks explicitly. Marks are listed in milestone order.
 * An entry of an earlier read whose phase and keyword milestones are the same keeps its marks:
 * `keepers` holds, for each entry that may be of an earlier read, what its marks were made
 * from (null: not yet), under the same keywords.
 */
export function markEntries(
  entries: TimelineEntry[],
  keywords: Record<KeywordMilestone, string[]>,
  guesses?: GenerationMemo<KeywordGuesses>,
  keepers?: (MarksKeeper | null)[],
): void {
  const phases = phaseMarks(entries);
  const marked = new Set<Milestone>();
  /** Entries whose explicit marks are those they hold. */
  const kept = new Uint8Array(entries.length);
  /** What each entry's marks were made from, when an earlier read made them. */
  const known: (MarksRead | undefined)[] = new Array(entries.length);
  // Loops by index: an iterator's `[i, entry]` pairs cost an allocation per entry.
  for (let i = 0; i < entries.length; i++) {
    const entry = entries[i]!;
    const phase = phases[i];
    const read = keepers?.[i]?.marksRead ?? undefined;
    known[i] = read;
    if (read?.phase === (phase?.milestone ?? null)) {
      kept[i] = 1;
      for (const mark of entry.marks) if (mark.inferredFrom === null) marked.add(mark.milestone);
      continue;
    }
    const marks = markerMarks(entry.description);
    if (phase && !marks.some((m) => m.milestone === phase.milestone)) marks.push(phase);
    for (let m = 0; m < marks.length; m++) marked.add(marks[m]!.milestone);
    entry.marks = marks;
  }
  const patterns = keywordPatterns(keywords).filter(({ milestone }) => !marked.has(milestone));
  const looked = patterns.map(({ milestone }) => milestone).join();
  for (let i = 0; i < entries.length; i++) {
    const entry = entries[i]!;
    const read = known[i];
    if (kept[i] && read!.patterns === looked) continue;
    const marks = kept[i] ? entry.marks.filter((mark) => mark.inferredFrom === null) : entry.marks;
    const text = keywordText(entry);
    // One record per event's words, filled for each milestone as it is looked at.
    const stems = guesses ? guesses.value(text, () => ({})) : {};
    for (let p = 0; p < patterns.length; p++) {
      const pattern = patterns[p]!;
      let stem = stems[pattern.milestone];
      if (stem === undefined) stem = stems[pattern.milestone] = keywordMark(text, pattern);
      if (stem) {
        marks.push({
          milestone: pattern.milestone,
          reason: `keyword \`${stem}\``,
          inferredFrom: stem,
        });
      }
    }
    if (marks.length > 1) {
      marks.sort((a, b) => MILESTONES.indexOf(a.milestone) - MILESTONES.indexOf(b.milestone));
    }
    // A copy of its size: the list grew by `push`, which leaves room for 17 marks in each
    // entry kept.
    entry.marks = marks.length > 0 ? marks.slice() : marks;
    const keeper = keepers?.[i];
    if (!keeper) continue;
    const phase = phases[i]?.milestone ?? null;
    if (read) {
      read.phase = phase;
      read.patterns = looked;
    } else keeper.marksRead = { phase, patterns: looked };
  }
}

/**
 * The stated milestones (`findStatedMilestones`) that win over the timeline: a stated start
 * over the first entry with a time, a stated detection or resolution over keyword guesses.
 * An entry's explicit marker (or phase) for the milestone wins over either.
 */
export function winningStated(
  timeline: Timeline | null,
  stated: Partial<Record<Milestone, StatedMilestone>>,
): Partial<Record<Milestone, StatedMilestone>> {
  if (!timeline) return {};
  const explicit = (milestone: Milestone) =>
    timeline.entries.some(
      (entry) =>
        entry.instant !== null &&
        entry.marks.some((mark) => mark.milestone === milestone && mark.inferredFrom === null),
    );
  return Object.fromEntries(
    Object.values(stated).flatMap((milestone) =>
      milestone && !explicit(milestone.milestone) ? [[milestone.milestone, milestone]] : [],
    ),
  );
}

/**
 * The entry each milestone resolves to: the first entry with a time that marks it, except
 * `resolved`, the last; `start` falls back to a stated start, then to the first entry with a
 * time. A milestone that a stated time wins (`winningStated`) has no entry. Detection,
 * mitigation and resolution count only from the start on, acknowledgement only from the
 * detection on. Mitigation is left null when no entry marks it before the resolution (metrics
 * then use the resolution).
 */
export function resolveMilestones(
  timeline: Timeline | null,
  stated: Partial<Record<Milestone, StatedMilestone>> = {},
): MilestoneEntries {
  const result: MilestoneEntries = {
    start: null,
    detected: null,
    acknowledged: null,
    mitigated: null,
    resolved: null,
  };
  if (!timeline) return result;
  const wins = winningStated(timeline, stated);
  const { entries } = timeline;
  const instantOf = (milestone: Milestone): number | null => {
    const index = result[milestone];
    return wins[milestone]?.instant ?? (index === null ? null : entries[index]!.instant);
  };
  if (!wins.start) result.start = marking(entries, 'start', null) ?? firstWithTime(entries);
  // A milestone cannot precede the one it is measured from, so metrics are never negative.
  const start = instantOf('start');
  if (!wins.detected) result.detected = marking(entries, 'detected', start);
  result.acknowledged = marking(entries, 'acknowledged', instantOf('detected') ?? start);
  result.mitigated = marking(entries, 'mitigated', start);
  if (!wins.resolved) result.resolved = marking(entries, 'resolved', start, true);
  // Nor can the mitigation follow the resolution: the resolution then stands for it.
  const resolved = instantOf('resolved');
  if (resolved !== null && (instantOf('mitigated') ?? resolved) > resolved) result.mitigated = null;
  return result;
}

/**
 * The first entry with a time that marks `milestone` and does not come before instant `from`
 * (null: any), or with `last` the last such entry; null when there is none. One loop.
 */
function marking(
  entries: TimelineEntry[],
  milestone: Milestone,
  from: number | null,
  last = false,
): number | null {
  let found: number | null = null;
  for (let index = 0; index < entries.length; index++) {
    const { instant, marks } = entries[index]!;
    if (instant === null || (from !== null && instant < from)) continue;
    let marked = false;
    for (let i = 0; i < marks.length && !marked; i++) marked = marks[i]!.milestone === milestone;
    if (!marked) continue;
    found = index;
    if (!last) break;
  }
  return found;
}

function firstWithTime(entries: TimelineEntry[]): number | null {
  const first = entries.findIndex((entry) => entry.instant !== null);
  return first < 0 ? null : first;
}

/** The milestones that resolved to each timeline entry (not every keyword it matched). */
export function milestonesByEntry(model: PostmortemModel): Map<number, Milestone[]> {
  const byEntry = new Map<number, Milestone[]>();
  for (const milestone of MILESTONES) {
    const index = model.milestones[milestone];
    if (index === null) continue;
    byEntry.set(index, [...(byEntry.get(index) ?? []), milestone]);
  }
  return byEntry;
}
