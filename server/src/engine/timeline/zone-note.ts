/** The zone a timeline section states: in a note, its heading, or a table header. */
import type { RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { Section } from '../model';
import { findHeaderZone, findZoneNote } from './zones';

/** A zone in a heading's trailing parenthetical: `Timeline (UTC)`. */
export function parentheticalZone(text: string): string | null {
  const match = /\(([^()]{1,40})\)\s*$/.exec(text);
  return match ? findHeaderZone(match[1]!) : null;
}

/**
 * The zone of a section: a note such as `All times in UTC.` anywhere in it, else one in its
 * heading (`Timeline (UTC)`), else the zone a table header names (`Time (UTC)`).
 */
export function sectionZone(section: Section): string | null {
  const stack: RootContent[] = [...section.nodes].reverse();
  let headerZone: string | null = null;
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.type === 'paragraph' || node.type === 'html') {
      const zone = findZoneNote(node.type === 'html' ? node.value : toString(node));
      if (zone) return zone;
    } else if (node.type === 'blockquote') stack.push(...[...node.children].reverse());
    else if (node.type === 'table' && !headerZone) {
      for (const cell of node.children[0]?.children ?? []) {
        headerZone ??= findHeaderZone(toString(cell));
      }
    }
  }
  return (
    findZoneNote(section.heading.text) ?? parentheticalZone(section.heading.text) ?? headerZone
  );
}
