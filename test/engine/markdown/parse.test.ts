/**
 * `parseMarkdown` gives the tree of remark with GFM and front matter, whether or not the text
 * can hold autolink literals or tables (it parses a text that can hold none without them).
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import type { Root } from 'mdast';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { parseMarkdown } from '../../../server/src/engine/markdown/parse';
import { repoRoot } from '../../helpers/paths';

const remark = unified().use(remarkParse).use(remarkFrontmatter, ['yaml', 'toml']).use(remarkGfm);

/** Every Markdown file under `folder`. */
function markdownFiles(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    if (statSync(path).isDirectory()) return markdownFiles(path);
    return name.endsWith('.md') ? [path] : [];
  });
}

/** The link nodes of a tree, as their URLs. */
function linkUrls(tree: Root): string[] {
  const urls: string[] = [];
  const visit = (node: { type: string; url?: string; children?: unknown[] }) => {
    if (node.type === 'link') urls.push(node.url!);
    for (const child of node.children ?? []) visit(child as typeof node);
  };
  visit(tree);
  return urls;
}

describe('parseMarkdown', () => {
  test("the corpus's reports and each of their sections parse as remark parses them", () => {
    const files = markdownFiles(join(repoRoot, 'test', 'fixtures', 'corpus'));
    assert.ok(files.length > 40, `${files.length} files`);
    let withoutLiterals = 0;
    let withoutPipes = 0;
    for (const file of files) {
      const text = readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
      // Sections alone, as the chunked parse reads them: most hold no autolink literal.
      for (const piece of [text, ...text.split(/\n(?=#)/)]) {
        if (!/@|:\/\/|www\./i.test(piece)) withoutLiterals++;
        if (!piece.includes('|')) withoutPipes++;
        assert.deepEqual(parseMarkdown(piece), remark.parse(piece), file);
      }
    }
    assert.ok(withoutLiterals > 100, `${withoutLiterals} pieces without literals`);
    assert.ok(withoutPipes > 100, `${withoutPipes} pieces without pipes`);
  });

  test('GFM without literals: tables, task lists, strikethrough, footnotes', () => {
    const text = [
      '| a | b |',
      '| - | - |',
      '| ~~x~~ | y[^1] |',
      '',
      '- [x] done',
      '- [ ] to do',
      '',
      '[^1]: A note.',
      '',
    ].join('\n');
    const tree = parseMarkdown(text);
    assert.deepEqual(tree, remark.parse(text));
    assert.deepEqual(
      tree.children.map((node) => node.type),
      ['table', 'list', 'footnoteDefinition'],
    );
  });

  test('a table without literals, and literals without a table', () => {
    for (const text of [
      '| a |\n| - |\n| b |\n',
      'x | y\n--- | ---\n1 | 2\n',
      'Mail ops@example.com.\n',
    ]) {
      assert.deepEqual(parseMarkdown(text), remark.parse(text));
    }
    assert.equal(parseMarkdown('x | y\n--- | ---\n1 | 2\n').children[0]!.type, 'table');
  });

  test('a table of one column without a pipe is still a table', () => {
    for (const text of ['a\n:-\n', 'a\n-:\nb\n', '> a\n> :--:\n', '- a\n  ---:\n']) {
      const tree = parseMarkdown(text);
      assert.deepEqual(tree, remark.parse(text), text);
      assert.match(JSON.stringify(tree), /"type":"table"/, text);
    }
    for (const text of ['a\n---\n', 'a\n: -\n', 'a\n- :\n']) {
      assert.deepEqual(parseMarkdown(text), remark.parse(text), text);
    }
  });

  test('autolink literals are still links, whatever their case', () => {
    const text = 'See WWW.Example.com, https://example.org/x and ops@example.com.\n';
    const tree = parseMarkdown(text);
    assert.deepEqual(tree, remark.parse(text));
    assert.deepEqual(linkUrls(tree), [
      'http://WWW.Example.com',
      'https://example.org/x',
      'mailto:ops@example.com',
    ]);
  });

  test('a leading fence that nothing closes is a thematic break, literals or not', () => {
    for (const text of ['---\ntitle: x\n\nBody.\n', '---\nSee www.example.com\n']) {
      assert.equal(parseMarkdown(text).children[0]!.type, 'thematicBreak');
    }
  });
});
