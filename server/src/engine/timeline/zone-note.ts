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
