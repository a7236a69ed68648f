/** Where and how a missing section's scaffold goes: at its place in the schema order. */
import type { PostmortemModel, Section, Span } from '../model';

export interface SectionInsertion {
  /** Offset to insert at: the end of the section before it in the schema, or the start of the one after. */
  offset: number;
  /** Heading and scaffold, with blank lines around them in the document's line ending. */
  text: string;
  /** The heading text of the present section it follows (its title for an intro), if any. */
  after: string | null;
  /** The heading (or label) of the section it goes after, else of the one it goes before. */
  anchor: Span | null;
}

/** `6. ` or `6) ` opening a heading: the number and what follows it. */
const HEADING_NUMBER = /^(\d{1,4})([.)]) /;

/**
 * The heading text of schema section `order` in the document's style: numbered on from the
 * numbered heading before it by their distance in the schema (`## 6.` → `## 7. Lessons Learned`).
 */
function headingText(title: string, order: number, before: Section | undefined): string {
  const number = before?.form === 'heading' ? HEADING_NUMBER.exec(before.heading.text) : null;
  if (!before || !number) return title;
  return `${Number(number[1]) + order - before.order}${number[2]} ${title}`;
}

/** The insertion of the scaffold of schema section `order`, which the document lacks. */
export function sectionInsertion(model: PostmortemModel, order: number): SectionInsertion {
  const { lines } = model;
  const spec = model.schema.sections[order]!;
  // A label sits inside another section: the scaffold goes by the sections with a place.
  const placed = model.sections.filter((section) => section.form !== 'label');
  const before = placed
    .filter((section) => section.order < order)
    .sort((a, b) => b.order - a.order)[0];
  const after = placed
    .filter((section) => section.order > order)
    .sort((a, b) => a.order - b.order)[0];
  const depth = (before ?? after)?.heading.depth ?? 2;
  const offset = before
    ? before.span.end.offset
    : after
      ? after.span.start.offset
      : model.text.length;
  const eol = lines.eol();
  const body = `${'#'.repeat(depth)} ${headingText(spec.title, order, before)}${eol}${eol}${spec.scaffold.split('\n').join(eol)}${eol}`;
  return {
    offset,
    text: `${separatorBefore(model.text, offset, eol)}${body}${offset < model.text.length ? eol : ''}`,
    after: before ? (before.form === 'heading' ? before.heading.text : before.spec.title) : null,
    anchor: (before ?? after)?.heading.span ?? null,
  };
}

/** What makes inserted text start after a blank line (nothing at the start of the document). */
function separatorBefore(text: string, offset: number, eol: string): string {
  if (offset === 0) return '';
  const head = text.slice(Math.max(0, offset - 4), offset);
  if (/(\r?\n|\r)[ \t]*(\r?\n|\r)$/.test(head)) return '';
  if (/(\r?\n|\r)$/.test(head)) return eol;
  return eol + eol;
}
