// The yardstick of a cold open: remark with GFM and front matter as remark itself parses,
// every GFM extension tried on every text (the engine's own parse leaves out those a text
// cannot use, which would make the yardstick shrink with the engine's own speed-ups).
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';

const processor = unified()
  .use(remarkParse)
  .use(remarkFrontmatter, ['yaml', 'toml'])
  .use(remarkGfm);

/** Parses `text` into an mdast tree with positions, as remark with GFM does. */
export const fullParse = (text) => processor.parse(text);
