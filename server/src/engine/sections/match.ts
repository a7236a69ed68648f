/**
 * Finds the schema's sections in a document (SPEC §1), strongest reading first: headings
 * that are a section's exact name; the untitled opening as the summary; headings that name
 * a section by its words (sub-headings inside another section included); then, for sections
 * still missing, label lines, and headings of a generic name where their place or text says
 * which (`generic.ts`). The first match of a section in that order is that section.
 */
import type { Root, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { LineIndex } from '../markdown/lines';
import type { Schema, Section, Span } from '../model';
import { genericSections, type HeadingAt } from './generic';
import { introSection, titleIndex } from './intro';
import { labelSections } from './labels';
import { sectionMatcher, type SectionMatch } from './matcher';

/** The section a heading starts: it runs to the next heading of the same or a higher level. */
function headingSection(
  children: readonly RootContent[],
  at: HeadingAt,
  match: SectionMatch,
  lines: LineIndex,
): Section {
  const { node, index } = at;
  let endIndex = index + 1;
  while (endIndex < children.length) {
    const next = children[endIndex]!;
    if (next.type === 'heading' && next.depth <= node.depth) break;
    endIndex++;
  }
  const end =
    endIndex < children.length ? children[endIndex]!.position!.start.offset! : lines.text.length;
  const start = node.position!.start.offset!;
  return {
    spec: match.spec,
    order: match.order,
    form: 'heading',
    heading: {
      text: at.text,
      depth: node.depth,
      span: lines.span(start, node.position!.end.offset!),
    },
    span: lines.span(start, end),
    nodes: children.slice(index + 1, endIndex),
  };
}

function within(span: Span | undefined, node: RootContent): boolean {
  const offset = node.position!.start.offset!;
  return span !== undefined && offset > span.start.offset && offset < span.end.offset;
}

/** The schema sections of a document, in document order (and schema order at one place). */
export function findSections(tree: Root, schema: Schema, lines: LineIndex): Section[] {
  const matcher = sectionMatcher(schema);
  const children = tree.children;
  const headings: HeadingAt[] = [];
  children.forEach((node, index) => {
    if (node.type === 'heading' && node.position) {
      headings.push({ node, index, text: toString(node) });
    }
  });
  const found = new Map<string, Section>();
  const add = (section: Section) => {
    if (!found.has(section.spec.id)) found.set(section.spec.id, section);
  };
  for (const at of headings) {
    const match = matcher.exact(at.text);
    if (match) add(headingSection(children, at, match, lines));
  }
  const summary = schema.sections.findIndex((spec) => spec.id === 'summary');
  if (summary !== -1 && !found.has('summary')) {
    const intro = introSection(children, lines, {
      spec: schema.sections[summary]!,
      order: summary,
    });
    if (intro) add(intro);
  }
  const complete = () => found.size === schema.sections.length;
  const title = titleIndex(children);
  const timeline = found.get('timeline')?.span;
  for (const at of headings) {
    if (complete()) break;
    // The title names the report, and a timeline's sub-headings are its phases or days.
    if (at.index === title || within(timeline, at.node)) continue;
    for (const match of matcher.byWords(at.text)) add(headingSection(children, at, match, lines));
  }
  if (!complete()) {
    for (const label of labelSections(children, matcher, lines, found.get('timeline')?.span)) {
      add(label);
    }
  }
  if (!complete()) {
    const open = headings.filter(
      (at) => at.index !== title && !within(found.get('timeline')?.span, at.node),
    );
    const starts = new Set([...found.values()].map((section) => section.span.start.offset));
    const missing = new Set(
      schema.sections.flatMap((spec) => (found.has(spec.id) ? [] : [spec.id])),
    );
    const taken = (at: HeadingAt) => starts.has(at.node.position!.start.offset!);
    for (const [id, at] of genericSections(children, open, missing, taken)) {
      const order = schema.sections.findIndex((spec) => spec.id === id);
      add(headingSection(children, at, { spec: schema.sections[order]!, order }, lines));
    }
  }
  return [...found.values()].sort(
    (a, b) => a.span.start.offset - b.span.start.offset || a.order - b.order,
  );
}
