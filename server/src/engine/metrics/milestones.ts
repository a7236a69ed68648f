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
  Timeline,
  TimelineEntry,
} from '../model';
import { MILESTONES } from '../model';

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

/** One milestone's stems as one pattern, a group per stem, so one search finds the first. */
interface KeywordPattern {
  milestone: KeywordMilestone;
  stems: string[];
  pattern: RegExp;
}

function keywordPatterns(keywords: Record<KeywordMilestone, string[]>): KeywordPattern[] {
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
    const pattern = new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternatives.join('|')})`, 'iu');
    return [{ milestone, stems, pattern }];
  });
}

function markerMarks(description: string): TimelineEntry['marks'] {
  const marks: TimelineEntry['marks'] = [];
  for (const match of description.matchAll(MARKER)) {
    const milestone = MARKER_NAMES[match[1]!.toLowerCase().replace(/\s+/g, ' ')]!;
    if (!marks.some((mark) => mark.milestone === milestone)) {
      marks.push({ milestone, reason: `marker \`${match[0]}\``, inferredFrom: null });
    }
  }
  return marks;
}

/** The stem a description marks a milestone by, the one found first; null when none is. */
function keywordMark(description: string, { stems, pattern }: KeywordPattern): string | null {
  const match = pattern.exec(description);
  if (!match) return null;
  const group = match.findIndex((value, i) => i > 0 && value !== undefined);
  return stems[group - 1]!;
}

/**
 * Fills each entry's `marks` from its description: explicit markers, and keywords for the
 * milestones no entry marks explicitly. Marks are listed in milestone order.
 */
export function markEntries(
  entries: TimelineEntry[],
  keywords: Record<KeywordMilestone, string[]>,
): void {
  const explicit = entries.map((entry) => markerMarks(entry.description));
  const marked = new Set(explicit.flat().map((mark) => mark.milestone));
  const patterns = keywordPatterns(keywords).filter(({ milestone }) => !marked.has(milestone));
  entries.forEach((entry, i) => {
    const marks = explicit[i]!;
    for (const pattern of patterns) {
      const stem = keywordMark(entry.description, pattern);
      if (stem) {
        marks.push({
          milestone: pattern.milestone,
          reason: `keyword \`${stem}\``,
          inferredFrom: stem,
        });
      }
    }
    entry.marks = marks.sort(
      (a, b) => MILESTONES.indexOf(a.milestone) - MILESTONES.indexOf(b.milestone),
    );
  });
}

/**
 * The entry each milestone resolves to: the first entry with a time that marks it, except
 * `resolved`, the last; `start` falls back to the first entry with a time. Detection,
 * mitigation and resolution count only from the start on, acknowledgement only from the
 * detection on. Mitigation is left null when no entry marks it (metrics then use the
 * resolution).
 */
export function resolveMilestones(timeline: Timeline | null): MilestoneEntries {
  const result: MilestoneEntries = {
    start: null,
    detected: null,
    acknowledged: null,
    mitigated: null,
    resolved: null,
  };
  if (!timeline) return result;
  const { entries } = timeline;
  const marking = (milestone: Milestone): number[] =>
    entries.flatMap((entry, index) =>
      entry.instant !== null && entry.marks.some((mark) => mark.milestone === milestone)
        ? [index]
        : [],
    );
  result.start = marking('start')[0] ?? firstWithTime(entries);
  /** The entries marking `milestone` that do not come before `after`'s entry. */
  const notBefore = (milestone: Milestone, after: number | null): number[] => {
    const from = after === null ? null : entries[after]!.instant!;
    return marking(milestone).filter((index) => from === null || entries[index]!.instant! >= from);
  };
  // A milestone cannot precede the one it is measured from, so metrics are never negative.
  result.detected = notBefore('detected', result.start)[0] ?? null;
  result.acknowledged = notBefore('acknowledged', result.detected ?? result.start)[0] ?? null;
  result.mitigated = notBefore('mitigated', result.start)[0] ?? null;
  result.resolved = notBefore('resolved', result.start).at(-1) ?? null;
  return result;
}

function firstWithTime(entries: TimelineEntry[]): number | null {
  const first = entries.findIndex((entry) => entry.instant !== null);
  return first < 0 ? null : first;
}
