/** Markdown to mdast: CommonMark with GFM (tables, task lists) and front matter. */
import type { Root } from 'mdast';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { opensUnclosedFrontMatter } from './front-matter';

const processor = unified()
  .use(remarkParse)
  .use(remarkFrontmatter, ['yaml', 'toml'])
  .use(remarkGfm);
const withoutFrontMatter = unified().use(remarkParse).use(remarkGfm);

/**
 * Parses Markdown (without a byte order mark) into an mdast tree with positions. A leading
 * fence that nothing closes is a thematic break (`opensUnclosedFrontMatter`).
 */
export function parseMarkdown(text: string): Root {
  return (opensUnclosedFrontMatter(text) ? withoutFrontMatter : processor).parse(text);
}
