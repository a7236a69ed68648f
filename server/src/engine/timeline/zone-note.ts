/** What a timeline section states about its rows: their zone, and the day of undated rows. */
import type { RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { Section } from '../model';
import { findDate, readTime, type DateParts } from './times';
import { findHeaderZone, findZoneNote, fixedOffset, isKnownZone } from './zones';

/** A zone in a heading's trailing parenthetical: `Timeline (UTC)`. */
export function parentheticalZone(text: string): string | null {
  const match = /\(([^()]{1,40})\)\s*$/.exec(text);
  return match ? findHeaderZone(match[1]!) : null;
}

/** The texts of a section that may hold a note: paragraphs, HTML, block quotes, table headers. */
function* notesOf(section: Section): Generator<{ text: string; header: boolean }> {
  const stack: RootContent[] = [...section.nodes].reverse();
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.type === 'paragraph' || node.type === 'html') {
      yield { text: node.type === 'html' ? node.value : toString(node), header: false };
    } else if (node.type === 'blockquote') stack.push(...[...node.children].reverse());
    else if (node.type === 'table') {
      for (const cell of node.children[0]?.children ?? []) {
        yield { text: toString(cell), header: true };
      }
    }
  }
}

/**
 * The zone of a section: a note such as `All times in UTC.` anywhere in it, else one in its
 * heading (`Timeline (UTC)`), else the zone a table header names (`Time (UTC)`).
 */
export function sectionZone(section: Section): string | null {
  let headerZone: string | null = null;
  for (const { text, header } of notesOf(section)) {
    if (header) headerZone ??= findHeaderZone(text);
    else {
      const zone = findZoneNote(text);
      if (zone) return zone;
    }
  }
  return (
    findZoneNote(section.heading.text) ?? parentheticalZone(section.heading.text) ?? headerZone
  );
}

const DAY_NOTE =
  /\b(?:all\s+(?:times|timestamps|events|entries)|everything(?:\s+below)?\s+(?:happened|occurred|took\s+place|is|was)|unless\s+(?:otherwise\s+)?noted(?:\s+otherwise)?|(?:times|timestamps|events|entries)\s+(?:below\s+|above\s+|here\s+)?(?:are|were|happened|occurred|took\s+place|in|shown|given|listed))\b/i;

/**
 * The day a note gives the undated rows: `All times are UTC on 2023-01-07`, `Times below are
 * for March 3`, `Unless noted otherwise, everything happened on 2019-10-21`. The date must be
 * in the note's sentence; a paragraph that starts with a time is an entry, not a note.
 */
export function findDayNote(text: string): DateParts | null {
  const trigger = DAY_NOTE.exec(text.slice(0, 2000));
  if (!trigger || readTime(text.trimStart())) return null;
  const rest = text.slice(trigger.index + trigger[0].length, trigger.index + 160);
  const sentence = rest.split(/[.;!?](?:\s|$)/)[0]!;
  return findDate(sentence);
}

/** The day a note of the section (or its heading) gives its undated rows. */
export function sectionDayNote(section: Section): DateParts | null {
  for (const { text, header } of notesOf(section)) {
    const date = header ? null : findDayNote(text);
    if (date) return date;
  }
  return findDayNote(section.heading.text);
}

/**
 * The one known zone the rows of a timeline write (`UTC` and `Z` are one), for the rows that
 * write none; null when they write none or several.
 */
export function rowsZone(zones: readonly (string | null)[]): string | null {
  let found: string | null = null;
  let key: string | null = null;
  for (const zone of zones) {
    if (zone === null || !isKnownZone(zone)) continue;
    const offset = fixedOffset(zone);
    const zoneKey = offset === null ? zone.toUpperCase() : `${offset}`;
    if (key !== null && key !== zoneKey) return null;
    [found, key] = [found ?? zone, zoneKey];
  }
  return found;
}
