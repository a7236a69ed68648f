/**
 * The milestone badges on a timeline row or item: one per milestone the entry stands for, a
 * keyword guess marked as one (`detected*`, dashed), what marked it in its tooltip.
 */
import type { Milestone, TimelineEntry } from '../engine';
import { escapeMarkup } from '../engine';

/** Why the entry stands for `milestone`: its marker, phase or keyword, or its being first. */
function markedBy(entry: TimelineEntry, milestone: Milestone): string {
  const mark = entry.marks.find((candidate) => candidate.milestone === milestone);
  if (!mark) return `${milestone}: the first entry with a time`;
  return `${milestone}: ${mark.reason}${mark.inferredFrom ? ', a guess' : ''}`;
}

/** The badges of an entry, as inline HTML: ` <span class="pm-badges">…</span>`. */
export function milestoneBadges(entry: TimelineEntry, milestones: readonly Milestone[]): string {
  const badges = milestones.map((milestone) => {
    const guessed = entry.marks.some(
      (mark) => mark.milestone === milestone && mark.inferredFrom !== null,
    );
    return `<span class="pm-badge pm-badge-${milestone}${guessed ? ' pm-badge-guessed' : ''}" data-milestone="${milestone}" title="${escapeMarkup(markedBy(entry, milestone))}">${milestone}${guessed ? '*' : ''}</span>`;
  });
  return ` <span class="pm-badges">${badges.join(' ')}</span>`;
}
