/**
 * Sections written as label lines (SPEC §1) where a report has no heading for them: a bold
 * label that opens a paragraph or a list item (`**Root cause:** …`), a bold line of its own
 * (`**Impact**`), or a plain line that is a section's exact name (`Action Items`).
 */
import type { Paragraph, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { leadingLabel } from '../markdown/content';
import type { LineIndex } from '../markdown/lines';
import type { Section, Span } from '../model';
import type { SectionMatch, SectionMatcher } from './matcher';

/** Words a label has at most: a longer bold run is emphasis, not a label. */
const MAX_LABEL_WORDS = 6;
/** How deep lists are searched for labels. */
const MAX_LIST_DEPTH = 3;

interface Label {
  text: string;
  /** Whether the label is the whole line, its content in the blocks after it. */
  alone: boolean;
  /** Whether the label is plain text, which names a section only by an exact name. */
  plain: boolean;
}

/** The label a paragraph opens with, if any. */
export function paragraphLabel(paragraph: Paragraph): Label | null {
  const [first, ...rest] = paragraph.children;
  const restText = rest.map((child) => toString(child)).join('');
  const lead = leadingLabel(paragraph);
  let label: Label | null = null;
  if (lead) {
    label = { text: lead.label, alone: /^:?$/.test(restText.trim()), plain: false };
  } else if (first?.type === 'strong' && restText.trim() === '') {
    label = { text: toString(first).replace(/:\s*$/, '').trim(), alone: true, plain: false };
  } else if (first?.type === 'text' && rest.length === 0 && !first.value.includes('\n')) {
    label = { text: first.value.replace(/:\s*$/, '').trim(), alone: true, plain: true };
  }
  if (!label || label.text === '') return null;
  return label.text.split(/\s+/).length <= MAX_LABEL_WORDS ? label : null;
}

/** The sections a label names: a plain label only by an exact name. */
function labelMatches(matcher: SectionMatcher, label: Label): SectionMatch[] {
  if (!label.plain) return matcher.match(label.text);
  const exact = matcher.exact(label.text);
  return exact ? [exact] : [];
}

/** Whether a block starts inside `span`. */
function inside(span: Span | undefined, block: RootContent): boolean {
  const offset = block.position!.start.offset!;
  return span !== undefined && offset >= span.start.offset && offset < span.end.offset;
}

/**
 * The label sections of a document, in document order. Lists and tables inside `entries` (the
 * timeline, whose rows often open with bold words) are not read.
 */
export function labelSections(
  children: readonly RootContent[],
  matcher: SectionMatcher,
  lines: LineIndex,
  entries: Span | undefined,
): Section[] {
  const sections: Section[] = [];
  let depth = 2;
  const visit = (blocks: readonly RootContent[], container: RootContent | null, level: number) => {
    blocks.forEach((block, index) => {
      if (!block.position) return;
      if (block.type === 'heading') depth = Math.min(block.depth + 1, 6);
      if (block.type === 'list' && level < MAX_LIST_DEPTH && !inside(entries, block)) {
        for (const item of block.children) visit(item.children, item, level + 1);
      }
      if (block.type !== 'paragraph') return;
      const label = paragraphLabel(block);
      if (!label) return;
      for (const match of labelMatches(matcher, label)) {
        sections.push(labelSection(blocks, index, container, label, match, depth, lines));
      }
    });
  };
  visit(children, null, 0);
  return sections;
}

/** Whether a block ends a label's content: a heading, or another label line. */
function endsLabel(block: RootContent): boolean {
  if (block.type === 'heading') return true;
  return block.type === 'paragraph' && paragraphLabel(block)?.alone === true;
}

function labelSection(
  blocks: readonly RootContent[],
  index: number,
  container: RootContent | null,
  label: Label,
  match: SectionMatch,
  depth: number,
  lines: LineIndex,
): Section {
  const paragraph = blocks[index]!;
  let nodes: RootContent[];
  if (!label.alone) nodes = [container ?? paragraph];
  else {
    let end = index + 1;
    while (end < blocks.length && !endsLabel(blocks[end]!)) end++;
    nodes = blocks.slice(index + 1, end);
  }
  const start = (label.alone ? paragraph : (container ?? paragraph)).position!.start.offset!;
  const last = nodes.at(-1) ?? paragraph;
  const firstLine = paragraph.position!.start.line;
  return {
    spec: match.spec,
    order: match.order,
    form: 'label',
    heading: {
      text: label.text,
      depth,
      span: lines.span(paragraph.position!.start.offset!, lines.lineEnd(firstLine)),
    },
    span: lines.span(start, last.position!.end.offset!),
    nodes,
  };
}
