/**
 * Edits spliced into the last tree (`splice.ts`): the tree equals a fresh parse after every
 * edit, within a table's rows the rows before the edit are the same nodes, and edits that add
 * or remove a chunk are parsed as before.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { ParseCache } from '../../../server/src/engine/markdown/chunk-cache';
import { parseIncrementally } from '../../../server/src/engine/markdown/incremental-parser';
import { parseMarkdown } from '../../../server/src/engine/markdown/parse';
import { prng } from '../../helpers/prng';
import { rowEdit } from '../../helpers/row-edit';

const ROWS = Array.from({ length: 40 }, (_, i) => {
  const time = `10:${String(i).padStart(2, '0')}`;
  if (i % 5 === 1) return `| ${time} | Restarted \`api-${i}\` |`;
  if (i % 5 === 2) return `| ${time} | Restarted ~~db-${i}~~ (micromark) |`;
  if (i % 5 === 3) return `| ${time} | **Paged** [on-call](https://pager.example.com/${i}) |`;
  return `| ${time} | Alert ${i} fired |`;
});
const report = (eol: string) =>
  [
    '# Outage',
    '',
    '## Timeline',
    '',
    '| Time | Event |',
    '|------|-------|',
    ...ROWS,
    '',
    '## Root cause',
    'A full disk.',
    '',
  ].join(eol);

describe('splice', () => {
  for (const eol of ['\n', '\r\n']) {
    test(`after each of 200 edits in the rows (${JSON.stringify(eol)} lines), equals a fresh parse`, () => {
      const random = prng(7);
      const cache = new ParseCache();
      let text = report(eol);
      assert.deepEqual(parseIncrementally(text, cache), parseMarkdown(text));
      for (let step = 0; step < 200; step++) {
        text = rowEdit(text, random, { rows: ROWS, inserts: [...'x*`|\\ ~_'] }) ?? report(eol);
        assert.deepEqual(parseIncrementally(text, cache), parseMarkdown(text), `step ${step}`);
      }
      assert.ok(cache.stats.splices > 100, `${cache.stats.splices} splices`);
    });
  }

  test('reads the edited row only, and keeps the nodes before and after it', () => {
    const cache = new ParseCache();
    const text = report('\n');
    const before = parseIncrementally(text, cache);
    const rows = (tree: typeof before) => tree.children.find((node) => node.type === 'table')!;
    const [header, , , , , , edited, next] = rows(before).children;
    const changed = text.replace('| Alert 5 fired |', '| Alert 5 fired again |');
    const after = parseIncrementally(changed, cache);
    assert.deepEqual(after, parseMarkdown(changed));
    assert.deepEqual(
      { splices: cache.stats.splices, rows: cache.stats.splicedRows },
      {
        splices: 1,
        rows: 1,
      },
    );
    const table = rows(after);
    assert.equal(table.children[0], header);
    assert.notEqual(table.children[6], edited);
    assert.equal(table.children[7], next, 'moved in place');
  });

  test('parses again the chunk of an edit that leaves the rows, or all when it adds a chunk', () => {
    const cache = new ParseCache();
    const text = report('\n');
    parseIncrementally(text, cache);
    for (const [edited, spliced] of [
      [text.replace('| 10:05 | Alert 5 fired |', '10:05 | Alert 5 fired |'), true],
      [text.replace('| 10:05 | Alert 5 fired |', ''), true],
      [text.replace('| Time | Event |', '| Time | Events |'), true],
      [text.replace('A full disk.', 'A disk\n\n```\n'), true],
      [text.replace('# Outage', '---\ntitle: Outage\n---\n# Outage'), false],
      [text.replace('| 10:05 | Alert 5 fired |', '| 10:05 | Alert 5 fired |\n## Heading'), false],
      [text.replace('## Root cause', '```\n## Root cause'), false],
      [text.replace('## Root cause', 'Root cause'), false],
    ] as const) {
      parseIncrementally(text, cache);
      const { splices, splicedRows } = cache.stats;
      assert.deepEqual(parseIncrementally(edited, cache), parseMarkdown(edited));
      assert.deepEqual(
        { splices: cache.stats.splices - splices, rows: cache.stats.splicedRows - splicedRows },
        { splices: spliced ? 1 : 0, rows: 0 },
        JSON.stringify(edited),
      );
    }
  });
});
