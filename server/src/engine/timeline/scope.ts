/**
 * What the timeline is read from (SPEC §2). Beyond its section:
 * - day headings that follow it at its own level (`## Timeline`, then `## July 22`,
 *   `## July 23`) continue it, and so do time headings (`## 13:06`), which are entries;
 * - later headings that name the timeline again at the same level, under the same parent
 *   heading, are more of it (a timeline split by other sections is one timeline); a timeline
 *   heading under another parent (one timeline per incident) is not;
 * - a bold label standing for the heading (`**Timeline**`) is found as a section
 *   (`sections/labels.ts`) and read as found.
 */
import type { Heading, Root, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { LineIndex } from '../markdown/lines';
import type { Schema, Section, TimelineScope } from '../model';
import { sectionMatcher } from '../sections/matcher';
import { headingTime } from './leading-time';
import { readTime } from './times';

/**
 * A character that may not follow the date of a day heading: anything but words, white space,
 * commas, stops, colons, a note's brackets and dashes.
 */
const NOT_DAY_HEADING = /[^\p{L}\p{N}\s,.:;()\-\u2013\u2014]/u;
/** Words a day heading may have after its date (`(Monday)`, `— day 2`). */
const DAY_HEADING_WORDS = 3;

/** Whether a heading's text is a day: `July 22`, `Tuesday 2026-03-03`, `15 March 2025 (day 2)`. */
export function isDayHeading(text: string): boolean {
  const trimmed = text.trim();
  const read = readTime(trimmed, 0);
  if (!read?.date || read.minuteOfDay !== null || read.unknown) return false;
  const rest = trimmed.slice(read.end);
  if (NOT_DAY_HEADING.test(rest)) return false;
  return rest.split(/[^\p{L}\p{N}]+/u).filter(Boolean).length <= DAY_HEADING_WORDS;
}

/** Whether a heading or label text names the schema's timeline section. */
type NamesTimeline = (text: string) => boolean;

function timelineNamer(schema: Schema): NamesTimeline {
  const matcher = sectionMatcher(schema);
  return (text) => matcher.exact(text)?.spec.id === 'timeline';
}

/** Index just past the part that starts after `index`: up to a heading of `depth` or above. */
function partEnd(children: RootContent[], index: number, depth: number): number {
  let end = index + 1;
  while (end < children.length) {
    const node = children[end]!;
    if (node.type === 'heading' && node.depth <= depth) break;
    end++;
  }
  return end;
}

/** Appends `children[from, to)` one by one: a spread of a long timeline's nodes overflows the stack. */
function append(nodes: RootContent[], children: RootContent[], from: number, to: number): void {
  for (let i = from; i < to; i++) nodes.push(children[i]!);
}

/** The timeline's scope from its section heading at `index`. */
function headingScope(
  children: RootContent[],
  index: number,
  section: Section,
  namesTimeline: NamesTimeline,
  lines: LineIndex,
): TimelineScope {
  const depth = (children[index] as Heading).depth;
  const nodes: RootContent[] = [];
  let end = partEnd(children, index, depth);
  append(nodes, children, index + 1, end);
  let last = end;
  // Headings at the section's level up to one above it: day and time headings continue the
  // part before them when it is the timeline's; a heading naming the timeline again always does.
  while (end < children.length) {
    const heading = children[end] as Heading;
    if (heading.depth < depth) break;
    const text = toString(heading);
    const day = isDayHeading(text) || headingTime(lines.text, heading) !== null;
    const continues = (last === end && day) || namesTimeline(text);
    const next = partEnd(children, end, depth);
    if (continues) {
      append(nodes, children, end, next);
      last = next;
    }
    end = next;
  }
  const endOffset =
    last < children.length ? children[last]!.position!.start.offset! : lines.text.length;
  return { section, nodes, span: lines.span(section.span.start.offset, endOffset) };
}

/** What the timeline is read from; null when the document has none. */
export function timelineScope(
  tree: Root,
  sections: Section[],
  schema: Schema,
  lines: LineIndex,
): TimelineScope | null {
  const children = tree.children;
  const section = sections.find((candidate) => candidate.spec.id === 'timeline');
  if (!section) return null;
  const offset = section.span.start.offset;
  const index = children.findIndex(
    (node) => node.type === 'heading' && node.position?.start.offset === offset,
  );
  // A label (`**Timeline**`, sections/labels.ts) or a heading inside a list or quote is read
  // as it was found.
  if (section.form !== 'heading' || index < 0) {
    return { section, nodes: section.nodes, span: section.span };
  }
  return headingScope(children, index, section, timelineNamer(schema), lines);
}
