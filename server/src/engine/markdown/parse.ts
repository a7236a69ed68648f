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
 * GFM's syntax but its autolink literals (`www.`, `https://`, `a@b.c` as links), in the order
 * `remark-gfm` adds them: the same tree for a text that holds none. Literals cost the most of
 * GFM: micromark tries an email address at the start of every word, and the tree is searched
 * again for them (about a quarter of the parse of the dfds reports' sections, which hold none).
 */
function gfmWithoutAutolinkLiterals(this: Processor): void {
  const data = this.data();
  (data.micromarkExtensions ??= []).push(
    gfmFootnote(),
    gfmStrikethrough(),
    gfmTable(),
    gfmTaskListItem(),
  );
  (data.fromMarkdownExtensions ??= []).push(
    gfmFootnoteFromMarkdown(),
    gfmStrikethroughFromMarkdown(),
    gfmTableFromMarkdown(),
    gfmTaskListItemFromMarkdown(),
  );
}

/** Whether `text` may hold an autolink literal: each needs `@`, `://` or `www.`. */
const mayHoldAutolinkLiteral = (text: string): boolean =>
  text.includes('@') || text.includes('://') || /www\./i.test(text);

const processors = {
  frontMatter: unified().use(remarkParse).use(remarkFrontmatter, ['yaml', 'toml']).use(remarkGfm),
  plain: unified().use(remarkParse).use(remarkGfm),
  frontMatterWithoutLiterals: unified()
    .use(remarkParse)
    .use(remarkFrontmatter, ['yaml', 'toml'])
    .use(gfmWithoutAutolinkLiterals),
  plainWithoutLiterals: unified().use(remarkParse).use(gfmWithoutAutolinkLiterals),
};

/**
 * Parses Markdown (without a byte order mark) into an mdast tree with positions. A leading
 * fence that nothing closes is a thematic break (`opensUnclosedFrontMatter`).
 */
export function parseMarkdown(text: string): Root {
  const frontMatter = !opensUnclosedFrontMatter(text);
  const literals = mayHoldAutolinkLiteral(text);
  const processor = frontMatter
    ? literals
      ? processors.frontMatter
      : processors.frontMatterWithoutLiterals
    : literals
      ? processors.plain
      : processors.plainWithoutLiterals;
  return processor.parse(text);
}
