/** Finds the schema's sections among a document's headings (SPEC §1). */
import type { Heading, Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { Schema, Section, SectionSpec } from '../model';
import { normalizeHeading } from './normalize';
import type { LineIndex } from '../markdown/lines';

/** Maps each normalized title and alias to its section spec and schema index. */
export function aliasTable(schema: Schema): Map<string, { spec: SectionSpec; order: number }> {
  const table = new Map<string, { spec: SectionSpec; order: number }>();
  schema.sections.forEach((spec, order) => {
    for (const name of [spec.title, ...spec.aliases]) {
      const key = normalizeHeading(name);
      if (!table.has(key)) table.set(key, { spec, order });
    }
  });
  return table;
}

/** The schema section a heading text names, if any. */
export function matchHeading(schema: Schema, text: string): SectionSpec | undefined {
  return aliasTable(schema).get(normalizeHeading(text))?.spec;
}

/**
 * The schema sections of a document, in document order. The first heading matching a
 * section is that section; a section runs to the next heading of the same or a higher level.
 */
export function findSections(tree: Root, schema: Schema, lines: LineIndex): Section[] {
  const table = aliasTable(schema);
  const children = tree.children;
  const seen = new Set<string>();
  const sections: Section[] = [];
  children.forEach((node, index) => {
    if (node.type !== 'heading' || !node.position) return;
    const text = toString(node);
    const match = table.get(normalizeHeading(text));
    if (!match || seen.has(match.spec.id)) return;
    seen.add(match.spec.id);
    let endIndex = index + 1;
    while (endIndex < children.length) {
      const next = children[endIndex]!;
      if (next.type === 'heading' && next.depth <= node.depth) break;
      endIndex++;
    }
    const end =
      endIndex < children.length ? children[endIndex]!.position!.start.offset! : lines.text.length;
    const start = node.position.start.offset!;
    sections.push({
      spec: match.spec,
      order: match.order,
      heading: {
        text,
        depth: (node as Heading).depth,
        span: lines.span(start, node.position.end.offset!),
      },
      span: lines.span(start, end),
      nodes: children.slice(index + 1, endIndex),
    });
  });
  return sections;
}
