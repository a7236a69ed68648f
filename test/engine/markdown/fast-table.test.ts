/**
 * The fast table path: plain rows read without micromark, and tables of mixed rows, must give
 * exactly micromark's nodes and positions.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Table } from 'mdast';
import { isPlainRow, plainRow } from '../../../server/src/engine/markdown/fast-table';
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
const MARKED = [...PLAIN, ...'`*_\\[]<>!&~$@\t', '://', 'www.', '**', '<br>', '[a](b)'];

describe('plainRow', () => {
  test('reads 20,000 random plain rows as micromark does', () => {
    const random = prng(1);
    const header = '| h | i |\n| - | - |\n';
    let checked = 0;
    for (let n = 0; n < 20000; n++) {
      const row = randomRow(random, PLAIN, 30);
      if (!isPlainRow(row, 0, row.length)) continue;
      const text = `${header}${row}\n`;
      const table = parseMarkdown(text).children[0] as Table;
      assert.deepEqual(
        plainRow(text, header.length, header.length + row.length, 3),
        table.children[1],
        JSON.stringify(row),
      );
      checked++;
    }
    assert.ok(checked > 18000, `only ${checked} rows were plain`);
  });

  test('moves positions by the base it is given', () => {
    const row = plainRow('| 10:00 | Alert |', 0, 17, 1, { line: 41, offset: 900 });
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

  test('refuses rows that could hold markup or that micromark reads oddly', () => {
    for (const row of [
      '| `code` |',
      '| **bold** |',
      '| a \\| b |',
      '| see https://example.com |',
      '| www.example.com |',
      '| ops@example.com |',
      '| &amp; |',
      '| <br> |',
      '| [x] |',
      '| ~~gone~~ |',
      '| a\tb |',
      '| open end   ',
      '10:00 | no leading pipe |',
    ]) {
      assert.equal(isPlainRow(row, 0, row.length), false, row);
    }
    for (const row of ['| 10:00 | Alert fired |', '|a|b', '| é | 😀 |   ', '||']) {
      assert.equal(isPlainRow(row, 0, row.length), true, row);
    }
  });
});

describe('tables through parseIncrementally', () => {
  test('tables of plain and marked-up rows equal the full parse', () => {
    const random = prng(2);
    for (let n = 0; n < 60; n++) {
      const rows: string[] = [];
      const count = 1 + Math.floor(random() * 40);
      for (let i = 0; i < count; i++)
        rows.push(randomRow(random, random() < 0.7 ? PLAIN : MARKED, 24));
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
      assert.ok(cache.stats.plainRows + cache.stats.micromarkRows > 0, 'the fast path was taken');
    }
  });

  test('reads plain rows directly and the others by micromark, once per text', () => {
    const rows = Array.from({ length: 50 }, (_, i) =>
      i % 10 === 3 ? `| 10:${i} | Restarted **db-${i}** |` : `| 10:${i} | Alert ${i} |`,
    );
    const text = ['## Timeline', '| Time | Event |', '|---|---|', ...rows, ''].join('\n');
    const cache = new ParseCache();
    assert.deepEqual(parseIncrementally(text, cache), parseMarkdown(text));
    assert.deepEqual(
      { plain: cache.stats.plainRows, micromark: cache.stats.micromarkRows },
      { plain: 45, micromark: 5 },
    );
    const edited = text.replace('Alert 1 |', 'Alert 1 updated |');
    assert.deepEqual(parseIncrementally(edited, cache), parseMarkdown(edited));
    assert.deepEqual(
      {
        plain: cache.stats.plainRows,
        micromark: cache.stats.micromarkRows,
        cached: cache.stats.cachedRows,
      },
      { plain: 90, micromark: 5, cached: 5 },
    );
  });

  test('leaves tables to micromark where a row does not start with a pipe', () => {
    const text = '## T\n\n| a | b |\n|---|---|\n| 1 | 2 |\nlazy row\n| 3 | 4 |\n';
    const cache = new ParseCache();
    assert.deepEqual(parseIncrementally(text, cache), parseMarkdown(text));
    assert.equal(cache.stats.plainRows, 0);
  });

  test('leaves tables after a paragraph line to micromark', () => {
    const text = '## T\nText\n| a | b |\n|---|---|\n| 1 | 2 |\n';
    const cache = new ParseCache();
    assert.deepEqual(parseIncrementally(text, cache), parseMarkdown(text));
    assert.equal(cache.stats.plainRows, 0);
  });
});
