/**
 * Headings with a generic name (SPEC §1: `Details`, `Description`, `Context`; `vocabulary.ts`
 * lists them) count for a section only where nothing stronger names it, and only where their
 * place or their text says which: the report's first section under a generic name is its
 * summary, as an untitled opening is (metadata headings such as `## Date: December 8` before
 * it aside); a later one whose text explains a cause (`caused`, `due to`, `because`) is its
 * root cause analysis. A generic heading that neither settles stays unmatched.
 */
import type { Heading, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { isMetadataLine } from './intro';
import { normalizeHeading } from './normalize';
import { CAUSE_WORDS, GENERIC_HEADINGS } from './vocabulary';

/** A heading of the document: its node, its index among the root's children, its text. */
export interface HeadingAt {
  node: Heading;
  index: number;
  text: string;
}

/** Characters of a section's text read for cause words: the opening paragraphs say it. */
const CAUSE_READ = 4000;

function isGeneric(text: string): boolean {
  return GENERIC_HEADINGS.has(normalizeHeading(text));
}

/** A `## Date: December 08, 2022` heading: a label, a colon and a value. */
function isMetadataHeading(text: string): boolean {
  return isMetadataLine(text) && text.slice(text.indexOf(':') + 1).trim() !== '';
}

/** The text under a heading, up to the next heading of its level or higher, bounded. */
function textUnder(children: readonly RootContent[], at: HeadingAt): string {
  let text = '';
  for (let i = at.index + 1; i < children.length && text.length < CAUSE_READ; i++) {
    const node = children[i]!;
    if (node.type === 'heading' && node.depth <= at.node.depth) break;
    if (node.type !== 'heading') text += `${toString(node)}\n`;
  }
  return text.slice(0, CAUSE_READ);
}

/**
 * The generic headings that stand for `summary` and `rca` where those are missing (`missing`
 * holds the schema ids not found), by section id. `headings` are the document's headings open
 * to a reading (the title and the timeline's own sub-headings left out); `taken` says whether
 * one already starts a section.
 */
export function genericSections(
  children: readonly RootContent[],
  headings: readonly HeadingAt[],
  missing: ReadonlySet<string>,
  taken: (at: HeadingAt) => boolean,
): Map<string, HeadingAt> {
  const read = new Map<string, HeadingAt>();
  const first = headings.find((at) => !isMetadataHeading(at.text));
  if (missing.has('summary') && first && !taken(first) && isGeneric(first.text)) {
    read.set('summary', first);
  }
  if (missing.has('rca')) {
    const cause = headings.find(
      (at) =>
        at !== read.get('summary') &&
        !taken(at) &&
        isGeneric(at.text) &&
        CAUSE_WORDS.test(textUnder(children, at)),
    );
    if (cause) read.set('rca', cause);
  }
  return read;
}
