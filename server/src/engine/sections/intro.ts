/**
 * The untitled opening of a report (SPEC §1): the paragraphs after its title (or its front
 * matter) and before its first section heading stand for the summary when they are prose,
 * not only `Date: …` or `**Authors:** …` lines.
 */
import type { Heading, Paragraph, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { LineIndex } from '../markdown/lines';
import type { Section } from '../model';
import type { SectionMatch } from './matcher';

/** Nodes that carry no text a reader sees first: front matter, comments, definitions. */
const UNSEEN = new Set(['yaml', 'toml', 'html', 'definition', 'thematicBreak']);

/** Words a paragraph needs to read as prose rather than a line of metadata. */
const PROSE_WORDS = 6;

/** A `Key: value` line: a short label, a colon and a value (`Date: 2025-03-15`). */
const METADATA_LINE = /^[ \t]*[^\s:][^:\n]{0,40}:(?:[ \t]|$)/;

/** Whether a line is `Key: value` metadata: a label of four words at most and a colon. */
export function isMetadataLine(line: string): boolean {
  return METADATA_LINE.test(line) && line.slice(0, line.indexOf(':')).split(/\s+/).length <= 4;
}

/**
 * The index of the document's title: its first heading, when nothing but front matter and
 * comments comes before it, or when every other heading is deeper (a lone `#` after a note);
 * -1 otherwise (the title is then in the front matter).
 */
export function titleIndex(children: readonly RootContent[]): number {
  const first = children.findIndex((node) => node.type === 'heading');
  if (first === -1) return -1;
  if (children.slice(0, first).every((node) => UNSEEN.has(node.type))) return first;
  const depth = (children[first] as Heading).depth;
  const others = children.filter((node, index) => index !== first && node.type === 'heading');
  const alone = others.length > 0 && others.every((node) => (node as Heading).depth > depth);
  return alone ? first : -1;
}

function isProse(node: RootContent): node is Paragraph {
  if (node.type !== 'paragraph') return false;
  const text = toString(node);
  const lines = text.split('\n').filter((line) => line.trim() !== '');
  const metadata = lines.every(isMetadataLine);
  return !metadata && text.split(/\s+/).filter(Boolean).length >= PROSE_WORDS;
}

/** The opening paragraphs as the `summary` section (`match`), or null when there are none. */
export function introSection(
  children: readonly RootContent[],
  lines: LineIndex,
  match: SectionMatch,
): Section | null {
  let end = titleIndex(children) + 1;
  const start = children.slice(end).findIndex((node) => node.type === 'heading' || isProse(node));
  if (start === -1 || children[end + start]!.type === 'heading') return null;
  const first = end + start;
  end = first;
  while (end < children.length && children[end]!.type !== 'heading') end++;
  const next = children[end];
  const from = children[first]!.position!.start.offset!;
  const to = next ? next.position!.start.offset! : lines.text.length;
  const firstLine = children[first]!.position!.start.line;
  return {
    spec: match.spec,
    order: match.order,
    form: 'intro',
    heading: {
      text: '',
      depth: next?.type === 'heading' ? next.depth : 2,
      span: lines.span(from, lines.lineEnd(firstLine)),
    },
    span: lines.span(from, to),
    nodes: children.slice(first, end),
  };
}
