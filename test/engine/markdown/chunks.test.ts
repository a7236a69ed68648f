/**
 * Splitting a document at headings without parsing it: where the scanner must split, where it
 * must not (the heading is code, HTML or front matter), and where it declines because it cannot
 * tell. Every case also parses to the full parse's tree.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { parseIncrementally } from '../../../server/src/engine/markdown/incremental-parser';
import { ParseCache } from '../../../server/src/engine/markdown/chunk-cache';
import { mayHaveDefinitions, splitChunks } from '../../../server/src/engine/markdown/chunks';
import { parseMarkdown } from '../../../server/src/engine/markdown/parse';
import { LineIndex } from '../../../server/src/engine/markdown/lines';

/** The first line of each chunk. */
function chunkHeads(text: string): string[] {
  const lines = new LineIndex(text);
  return splitChunks(text, lines.lineStarts).chunks.map((chunk) =>
    text.slice(chunk.start, lines.lineEnd(chunk.startLine + 1)),
  );
}

const CASES: { name: string; text: string; heads: string[] }[] = [
  { name: 'ATX headings', text: '# A\ntext\n## B\ntext\n', heads: ['# A', '## B'] },
  {
    name: 'a preamble, setext and empty headings',
    text: 'Intro\n=====\n#\n###### Six\n####### Seven\n#5 no\n # Indented\n',
    heads: ['Intro', '#', '###### Six'],
  },
  {
    name: 'a heading in fenced code',
    text: '# A\n```md\n# not\n```\n## B\n',
    heads: ['# A', '## B'],
  },
  {
    name: 'a fence closed only by a long enough fence of its character',
    text: '~~~~\n# x\n~~~\n```\n# y\n~~~~~\n# z\n',
    heads: ['~~~~', '# z'],
  },
  {
    name: 'a backtick "fence" whose info has a backtick (a code span)',
    text: '```a`b\n# x\n',
    heads: ['```a`b', '# x'],
  },
  {
    name: 'an indented fence that may be a list item’s',
    text: '- a\n  ```\n  # code\n  ```\n# B\n',
    heads: ['- a', '# B'],
  },
  {
    name: 'a list item’s fence whose closer opens a top-level fence',
    text: '-  a\n   ```\n  ```\n# h\n```\n# i\n',
    // `# i` is a heading, but one reading takes the last fence for an opener: no split.
    heads: ['-  a'],
  },
  {
    name: 'an HTML comment',
    text: '# A\n<!--\n# x\n-->\n# y\n',
    heads: ['# A', '# y'],
  },
  { name: 'a comment closed by its own dashes', text: '<!-->\n# x\n', heads: ['<!-->', '# x'] },
  {
    name: 'CDATA that `]]]>` does not close',
    text: '<![CDATA[ ]]]>\n# x\n',
    heads: ['<![CDATA[ ]]]>'],
  },
  {
    name: 'raw HTML up to its closing tag',
    text: '<script>\n# x\n</script>\n# y\n',
    heads: ['<script>', '# y'],
  },
  {
    name: 'an HTML block up to a blank line',
    text: '<div>\n# x\n\n# y\n',
    heads: ['<div>', '# y'],
  },
  {
    name: 'front matter',
    text: '---\ntitle: x\n# not\n---\n# A\n',
    heads: ['---', '# A'],
  },
  {
    name: 'CRLF line endings',
    text: '# A\r\n```\r\n# no\r\n```\r\n# B\r\ntext\r\n',
    heads: ['# A', '# B'],
  },
  {
    name: 'definitions, which keep the document whole',
    text: '# A\nSee [docs].\n# B\n[docs]: https://example.com\n',
    heads: ['# A'],
  },
];

describe('splitChunks', () => {
  for (const { name, text, heads } of CASES) {
    test(name, () => {
      assert.deepEqual(chunkHeads(text), heads);
      assert.deepEqual(parseIncrementally(text, new ParseCache()), parseMarkdown(text));
    });
  }

  test('chunks cover the text, each starting on a line', () => {
    const text = '# A\n\ntext\n## B\n\n| a |\n|---|\n| 1 |\n# C';
    const lines = new LineIndex(text);
    const { chunks, whole } = splitChunks(text, lines.lineStarts);
    assert.equal(whole, false);
    assert.deepEqual(chunks, [
      { startLine: 0, endLine: 3, start: 0, end: 10 },
      { startLine: 3, endLine: 8, start: 10, end: 34 },
      { startLine: 8, endLine: 9, start: 34, end: 37 },
    ]);
  });
});

describe('mayHaveDefinitions', () => {
  const mayDefine = (text: string): boolean =>
    mayHaveDefinitions(text, new LineIndex(text).lineStarts);

  /** The definition test as first written: each `[` line joined with the lines after it. */
  function reference(text: string): boolean {
    if (!text.includes(']:')) return false;
    const lines = text.split(/\r\n|\r|\n/);
    for (let i = 0; i < lines.length; i++) {
      const match = /^[ \t>]*(?:(?:[-*+]|\d{1,9}[.)])[ \t>]+)*\[/.exec(lines[i]!);
      if (!match) continue;
      let rest = lines[i]!.slice(match[0].length - 1);
      for (
        let j = i + 1;
        j < lines.length && !rest.includes(']:') && lines[j]!.trim() !== '';
        j++
      ) {
        rest += `\n${lines[j]}`;
      }
      if (rest.includes(']:')) return true;
    }
    return false;
  }

  test('finds definitions, in containers and over lines', () => {
    assert.equal(mayDefine('[a]: /x'), true);
    assert.equal(mayDefine('text\n   [^1]: A note'), true);
    assert.equal(mayDefine('> - [a]: /x'), true);
    assert.equal(mayDefine('[long\nlabel]: /x'), true);
  });

  test('ignores brackets that cannot start a definition', () => {
    assert.equal(mayDefine('- 10:00 [detected] - alert: fired'), false);
    assert.equal(mayDefine('text [a]: b'), false);
    assert.equal(mayDefine('[a]\n\nb]: c'), false);
  });

  test('answers as the line-joining reading does, in one pass', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom('[a', ']:', 'b', ' ', '\n', '\r\n', '- ', '> ', '1. ', '['), {
          maxLength: 30,
        }),
        (parts) => {
          const text = parts.join('');
          assert.equal(mayDefine(text), reference(text), JSON.stringify(text));
        },
      ),
      { seed: 20261201, numRuns: 2000 },
    );
    // Many lines opening a label, closed only at the end: linear, where joining was quadratic.
    const bait = `${'[x\n'.repeat(20_000)}]: /y`;
    assert.equal(mayDefine(bait), true);
  });
});
