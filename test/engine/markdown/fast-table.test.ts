/**
 * The fast table path: rows of text and simple inline markup read without micromark, and
 * tables of mixed rows, must give exactly micromark's nodes and positions.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Table } from 'mdast';
import { readRow } from '../../../server/src/engine/markdown/fast-table';
import { parseIncrementally } from '../../../server/src/engine/markdown/incremental-parser';
import { ParseCache } from '../../../server/src/engine/markdown/chunk-cache';
import { parseMarkdown } from '../../../server/src/engine/markdown/parse';
import { prng } from '../../helpers/prng';

function randomRow(random: () => number, alphabet: string[], maxLength: number): string {
  let row = '|';
  const length = Math.floor(random() * maxLength);
  for (let i = 0; i < length; i++) row += alphabet[Math.floor(random() * alphabet.length)];
  return row;
}

const PLAIN = [...'|||   ab-:1.,()#+="\'/?%^{};wWhxyzT09', 'é', 'ß', '😀', '\u00a0', '\u2003'];
/** Pieces of the markup read directly, whole and broken, and of markup left to micromark. */
const INLINE = [
  ...'`*_\\[]()!:',
  '`code`',
  '`` a`b ``',
  '` x `',
  '**bold**',
  '*em*',
  '_em_',
  '__strong__',
  '**a*',
  'snake_case',
  '\\(',
  '\\*',
  '\\\\',
  '\\|',
  '\\q',
  '[link](https://example.com/a_b)',
  '[x](y)',
  '[a]',
  '![i](j)',
  '_"quoted"_',
];
const MARKED = [
  ...PLAIN,
  ...INLINE,
  ...'<>&~$@\t',
  '://',
  'www.',
  'WwW.',
  'ww.',
  'wwwx',
  '<br>',
  '~~s~~',
  '&amp;',
  'a@b.c',
];

/** Micromark's row node of `row` under a two-column header. */
function micromarkRow(row: string) {
  const header = '| h | i |\n| - | - |\n';
  const text = `${header}${row}\n`;
  const table = parseMarkdown(text).children[0] as Table;
  return { text, start: header.length, node: table.children[1] };
}

describe('readRow', () => {
  test('reads 20,000 random plain rows as micromark does', () => {
    const random = prng(1);
    let checked = 0;
    for (let n = 0; n < 20000; n++) {
      const row = randomRow(random, PLAIN, 30);
      const { text, start, node } = micromarkRow(row);
      const read = readRow(text, start, start + row.length, 3);
      if (read === null) continue;
      assert.deepEqual(read, node, JSON.stringify(row));
      checked++;
    }
    assert.ok(checked > 18000, `only ${checked} rows were read`);
  });

  test('reads 8,000 random rows of inline markup as micromark does, or leaves them to it', () => {
    const random = prng(3);
    let checked = 0;
    const kinds = new Set<string>();
    for (let n = 0; n < 8000; n++) {
      const row = randomRow(random, random() < 0.5 ? [...PLAIN, ...INLINE] : MARKED, 12);
      const { text, start, node } = micromarkRow(row);
      const read = readRow(text, start, start + row.length, 3);
      if (read === null) continue;
      assert.deepEqual(read, node, JSON.stringify(row));
      for (const cell of read.children) for (const child of cell.children) kinds.add(child.type);
      checked++;
    }
    assert.ok(checked > 2000, `only ${checked} rows were read`);
    assert.deepEqual([...kinds].sort(), ['emphasis', 'inlineCode', 'link', 'strong', 'text']);
  });

  test('moves positions by the base it is given', () => {
    const row = readRow('| 10:00 | Alert |', 0, 17, 1, { line: 41, offset: 900 })!;
    assert.deepEqual(row.position, {
      start: { line: 42, column: 1, offset: 900 },
      end: { line: 42, column: 18, offset: 917 },
    });
    assert.deepEqual(row.children[1]!.children[0], {
      type: 'text',
      value: 'Alert',
      position: {
        start: { line: 42, column: 11, offset: 910 },
        end: { line: 42, column: 16, offset: 915 },
      },
    });
  });

  test('reads the markup of pasted alert logs and chat exports', () => {
    for (const row of [
      '| 10:00 | Alert `HighErrorRate` fires for login-api |',
      '| 10:01 | Restarted **checkout** pods one by one |',
      '| 10:02 | See [the dashboard](https://grafana.example.com/d/abc) for search |',
      '| 10:03 | Slack: _"is search down for anyone else?"_ |',
      '| 10:04 | Rolled back to v1.42 \\(previous release\\) |',
    ]) {
      const { text, start, node } = micromarkRow(row);
      assert.deepEqual(readRow(text, start, start + row.length, 3), node, row);
    }
  });

  test('leaves rows to micromark that could hold markup it reads otherwise', () => {
    for (const row of [
      '| a \\| b |',
      '| see https://example.com |',
      '| www.example.com |',
      '| WWW.example.com |',
      '| see Www.example.com |',
      '| ops@example.com |',
      '| &amp; |',
      '| <br> |',
      '| [x] |',
      '| [x][ref] |',
      '| ![alt](i.png) |',
      '| ~~gone~~ |',
      '| ***both*** |',
      '| *a **b** c* |',
      '| **unclosed |',
      '| `unclosed |',
      '| `a|b` is split by GFM before the code span |',
      '| a\tb |',
      '| open end   ',
      '10:00 | no leading pipe |',
    ]) {
      assert.equal(readRow(row, 0, row.length, 1), null, row);
    }
    for (const row of ['| 10:00 | Alert fired |', '|a|b', '| é | 😀 |   ', '||', '| a_b |']) {
      assert.notEqual(readRow(row, 0, row.length, 1), null, row);
    }
  });
});

describe('tables through parseIncrementally', () => {
  test('tables of plain and marked-up rows equal the full parse', () => {
    const random = prng(2);
    for (let n = 0; n < 60; n++) {
      const rows: string[] = [];
      const count = 1 + Math.floor(random() * 40);
      for (let i = 0; i < count; i++) {
        const alphabet = [PLAIN, [...PLAIN, ...INLINE], MARKED][Math.floor(random() * 3)]!;
        rows.push(randomRow(random, alphabet, 24));
      }
      const eol = random() < 0.2 ? '\r\n' : '\n';
      const text = [
        '# Report',
        '',
        '## Timeline',
        random() < 0.5 ? 'All times in UTC.' : '',
        '',
        '| Time | Event |',
        random() < 0.5 ? '|:-----|------:|' : '| --- | :---: |',
        ...rows,
        '',
        'After the table.',
        '',
      ].join(eol);
      const cache = new ParseCache();
      assert.deepEqual(parseIncrementally(text, cache), parseMarkdown(text), JSON.stringify(text));
      assert.ok(cache.stats.directRows + cache.stats.micromarkRows > 0, 'the fast path was taken');
    }
  });

  test('reads rows directly and the others by micromark, once per text', () => {
    const rows = Array.from({ length: 50 }, (_, i) =>
      i % 10 === 3 ? `| 10:${i} | Restarted ~~db-${i}~~ |` : `| 10:${i} | Alert **${i}** |`,
    );
    const text = ['## Timeline', '| Time | Event |', '|---|---|', ...rows, ''].join('\n');
    const cache = new ParseCache();
    assert.deepEqual(parseIncrementally(text, cache), parseMarkdown(text));
    assert.deepEqual(
      { direct: cache.stats.directRows, micromark: cache.stats.micromarkRows },
      { direct: 45, micromark: 5 },
    );
    // The heading edited too, so that the table is parsed again, not spliced (`splice.ts`).
    const edited = text
      .replace('Alert **1** |', 'Alert **1** updated |')
      .replace('## Timeline', '## The timeline');
    assert.deepEqual(parseIncrementally(edited, cache), parseMarkdown(edited));
    assert.deepEqual(
      {
        direct: cache.stats.directRows,
        micromark: cache.stats.micromarkRows,
        cached: cache.stats.cachedRows,
      },
      { direct: 46, micromark: 5, cached: 49 },
    );
  });

  test('leaves tables to micromark where a row does not start with a pipe', () => {
    const text = '## T\n\n| a | b |\n|---|---|\n| 1 | 2 |\nlazy row\n| 3 | 4 |\n';
    const cache = new ParseCache();
    assert.deepEqual(parseIncrementally(text, cache), parseMarkdown(text));
    assert.equal(cache.stats.directRows, 0);
  });

  test('leaves tables after a paragraph line to micromark', () => {
    const text = '## T\nText\n| a | b |\n|---|---|\n| 1 | 2 |\n';
    const cache = new ParseCache();
    assert.deepEqual(parseIncrementally(text, cache), parseMarkdown(text));
    assert.equal(cache.stats.directRows, 0);
  });
});
