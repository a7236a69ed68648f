/** Markdown to mdast: CommonMark with GFM (tables, task lists) and front matter. */
import type { Root } from 'mdast';
import { gfmFootnoteFromMarkdown } from 'mdast-util-gfm-footnote';
import { gfmStrikethroughFromMarkdown } from 'mdast-util-gfm-strikethrough';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import { gfmTaskListItemFromMarkdown } from 'mdast-util-gfm-task-list-item';
import { gfmFootnote } from 'micromark-extension-gfm-footnote';
import { gfmStrikethrough } from 'micromark-extension-gfm-strikethrough';
import { gfmTable } from 'micromark-extension-gfm-table';
import { gfmTaskListItem } from 'micromark-extension-gfm-task-list-item';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import type { Processor } from 'unified';
import { unified } from 'unified';
import { opensUnclosedFrontMatter } from './front-matter';

/**
 * GFM's syntax without the extensions a text cannot use, in the order `remark-gfm` adds them:
 * the same tree. Autolink literals (`www.`, `https://`, `a@b.c` as links) cost the most of
 * GFM: micromark tries an email address at the start of every word, and the tree is searched
 * again for them (about a quarter of the parse of the dfds reports' sections, which hold none).
 * A table is tried at the start of every line (a tenth more).
 */
function gfmWithout({ tables }: { tables: boolean }) {
  return function gfmWithoutAutolinkLiterals(this: Processor): void {
    const data = this.data();
    (data.micromarkExtensions ??= []).push(
      gfmFootnote(),
      gfmStrikethrough(),
      ...(tables ? [gfmTable()] : []),
      gfmTaskListItem(),
    );
    (data.fromMarkdownExtensions ??= []).push(
      gfmFootnoteFromMarkdown(),
      gfmStrikethroughFromMarkdown(),
      ...(tables ? [gfmTableFromMarkdown()] : []),
      gfmTaskListItemFromMarkdown(),
    );
  };
}

/** Whether `text` may hold an autolink literal: each needs `@`, `://` or `www.`. */
const mayHoldAutolinkLiteral = (text: string): boolean =>
  text.includes('@') || text.includes('://') || /www\./i.test(text);

/**
 * Whether `text` may hold a table: its rows hold a pipe, but for a table of one column, whose
 * delimiter row may be a colon beside hyphens alone (`a` then `:-` is a table; `a` then `---`
 * a heading).
 */
const mayHoldTable = (text: string): boolean =>
  text.includes('|') || text.includes(':-') || text.includes('-:');

/** The processor for a text: with front matter or not, and the GFM extensions it may use. */
const processors = new Map<string, ReturnType<typeof processorOf>>();

function processorOf(frontMatter: boolean, literals: boolean, tables: boolean) {
  const base = frontMatter
    ? unified().use(remarkParse).use(remarkFrontmatter, ['yaml', 'toml'])
    : unified().use(remarkParse);
  return literals ? base.use(remarkGfm) : base.use(gfmWithout({ tables }));
}

/**
 * Parses Markdown (without a byte order mark) into an mdast tree with positions. A leading
 * fence that nothing closes is a thematic break (`opensUnclosedFrontMatter`).
 */
export function parseMarkdown(text: string): Root {
  const frontMatter = !opensUnclosedFrontMatter(text);
  const literals = mayHoldAutolinkLiteral(text);
  const tables = mayHoldTable(text);
  const key = `${+frontMatter}${+literals}${+tables}`;
  let processor = processors.get(key);
  if (!processor) processors.set(key, (processor = processorOf(frontMatter, literals, tables)));
  return processor.parse(text);
}
