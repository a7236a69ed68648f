/** Where and how a missing section's scaffold goes: at its place in the schema order. */
import { BlockScanner, openingFence } from '../markdown/block-scanner';
import { lineAt } from '../markdown/chunks';
import { LineIndex } from '../markdown/lines';
import type { PostmortemModel, Section, Span } from '../model';

export interface SectionInsertion {
  /** Offset to insert at: the end of the section before it in the schema, or the start of the one after. */
  offset: number;
  /**
   * Heading and scaffold, with blank lines around them in the document's line ending, after
   * the closing of `open`; null when `open` cannot be closed by inserting text.
   */
  text: string | null;
  /** The heading text of the present section it follows (its title for an intro), if any. */
  after: string | null;
  /** The block left open at the end of the report, which would swallow the section. */
  open: OpenBlock | null;
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

/** A block that runs to the end of the report: what it is and the line it opens on. */
export interface OpenBlock {
  kind: 'code block' | 'comment' | 'HTML block';
  line: number;
  /** What closes it on a line of its own; null for an HTML block, which nothing inserted closes. */
  closing: string | null;
}

/** The code or HTML block that a heading inserted at the end of the text would be part of. */
function openAtEnd(model: PostmortemModel): OpenBlock | null {
  const { text, tree, lines } = model;
  const last = tree.children.at(-1);
  if (!last?.position || (last.type !== 'code' && last.type !== 'html')) return null;
  const line = last.position.start.line;
  const source = text.slice(lines.lineStarts[line - 1]!);
  const { lineStarts } = new LineIndex(source);
  const scanner = new BlockScanner(false);
  for (let index = 0; index < lineStarts.length; index++) {
    scanner.advance(lineAt(source, lineStarts, index));
  }
  // The blank line and the heading the insertion starts with.
  scanner.advance({ text: '', start: 0, end: 0 });
  if (scanner.topLevel({ text: '#', start: 0, end: 1 })) return null;
  const indent = source.length - source.trimStart().length;
  const fence = openingFence(lineAt(source, lineStarts, 0), indent);
  if (last.type === 'code' && fence) {
    const closing = String.fromCharCode(fence.marker).repeat(fence.size);
    return { kind: 'code block', line, closing };
  }
  if (source.startsWith('<!--', indent)) return { kind: 'comment', line, closing: '-->' };
  return { kind: 'HTML block', line, closing: null };
}

/** The insertion of the scaffold of schema section `order`, which the document lacks. */
export function sectionInsertion(model: PostmortemModel, order: number): SectionInsertion {
  const { lines, text } = model;
  const spec = model.schema.sections[order]!;
  // A label sits inside another section: the scaffold goes by the sections with a place.
  const placed = model.sections.filter((section) => section.form !== 'label');
  const before = placed
    .filter((section) => section.order < order)
    .sort((a, b) => b.order - a.order)[0];
  const next = placed
    .filter((section) => section.order > order)
    .sort((a, b) => a.order - b.order)[0];
  const depth = (before ?? next)?.heading.depth ?? 2;
  const offset = before ? before.span.end.offset : next ? next.span.start.offset : text.length;
  const after = before
    ? before.form === 'heading'
      ? before.heading.text
      : before.spec.title
    : null;
  // Only the end of the report can be inside a block: a section ends where a heading starts.
  const anchor = (before ?? next)?.heading.span ?? null;
  const open = offset === text.length ? openAtEnd(model) : null;
  if (open && open.closing === null) return { offset, text: null, after, open, anchor };
  const eol = lines.eol();
  const closing = open ? `${/[\r\n]$/.test(text) ? '' : eol}${open.closing}${eol}` : '';
  const body = `${'#'.repeat(depth)} ${headingText(spec.title, order, before)}${eol}${eol}${spec.scaffold.split('\n').join(eol)}${eol}`;
  const separator = separatorBefore(text + closing, offset + closing.length, eol);
  return {
    offset,
    text: `${closing}${separator}${body}${offset < text.length ? eol : ''}`,
    after,
    open,
    anchor,
  };
}

/** One line ending: `\r\n`, or `\n` or `\r` alone (never half of a `\r\n`). */
const EOL = String.raw`(?:\r\n|(?<!\r)\n|\r(?!\n))`;
const ENDS_BLANK = new RegExp(`${EOL}[ \t]*${EOL}$`);
const ENDS_LINE = new RegExp(`${EOL}$`);

/** What makes inserted text start after a blank line (nothing at the start of the document). */
function separatorBefore(text: string, offset: number, eol: string): string {
  if (offset === 0) return '';
  const head = text.slice(Math.max(0, offset - 16), offset);
  if (ENDS_BLANK.test(head)) return '';
  if (ENDS_LINE.test(head)) return eol;
  return eol + eol;
}
