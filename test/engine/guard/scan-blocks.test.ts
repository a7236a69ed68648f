/**
 * The guard's scan kept by blocks (`scan-blocks.ts`): after every edit of a sequence, the
 * memo's measure, and the guard's answer from it, equal one scan of the whole text line by
 * line, for the corpus, the fixtures and generated reports, with blocks of many sizes.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { assessText, GUARD_LIMITS, measureText } from '../../../server/src/engine/guard/guard';
import { Scanner } from '../../../server/src/engine/guard/scan';
import { ScanMemo } from '../../../server/src/engine/guard/scan-blocks';
import { lineAt } from '../../../server/src/engine/markdown/chunks';
import { LineIndex, stripBom } from '../../../server/src/engine/markdown/lines';
import { corpusDir, filesUnder, repoRoot } from '../../helpers/paths';
import { prng } from '../../helpers/prng';

/** One scan of the whole text, line by line, in no blocks. */
function scanned(text: string, maxDepth: number = GUARD_LIMITS.depth) {
  const lineStarts = new LineIndex(text).lineStarts;
  const scanner = new Scanner(text, maxDepth);
  for (let index = 0; index < lineStarts.length; index++) {
    const { start, end } = lineAt(text, lineStarts, index);
    if (!scanner.line(index + 1, start, end)) break;
  }
  return scanner.finish();
}

const rows = (count: number, row: (i: number) => string) =>
  Array.from({ length: count }, (_, i) => row(i)).join('\n');

/** Reports with what carries from line to line: tables, fences, lists, quotes, HTML. */
const generated = [
  `# Timeline\n\n| Time | Event |\n|------|-------|\n${rows(300, (i) => `| 10:${i % 60} | Row ${i} |`)}\n\nAfter.\n`,
  `| Time | Event |\n|---|---|\n${rows(80, (i) => (i === 60 ? ` | 10:00 | indented |` : `| 10:0${i % 10} | r${i} |`))}\n\n| a | b |\n|---|---|\n${rows(40, (i) => `| ${i} | *m* |`)}\n`,
  rows(
    120,
    (i) =>
      [
        '```',
        'code | not a row',
        '```',
        '- item',
        '  - nested *a* _b_',
        '> quote',
        'lazy line',
        '<!-- open',
        'still html -->',
        'Title',
        '===',
        '',
        '    indented code',
        '* * *',
        '1. one',
        '| h | i |',
        '| - | - |',
        `| ${i} | [x](y) |`,
      ][i % 18]!,
  ),
  `${'- '.repeat(63)}deep\n${rows(100, (i) => `${'> '.repeat(i % 7)}line ${i}`)}\n`,
];

const documents = [
  ...[
    ...filesUnder(corpusDir).filter((path) => path.endsWith('.md')),
    join(repoRoot, 'examples', 'sample-postmortem.md'),
  ].map((path) => ({
    name: path.slice(repoRoot.length + 1),
    text: stripBom(readFileSync(path, 'utf8')).text,
  })),
  ...generated.map((text, i) => ({ name: `generated report ${i + 1}`, text })),
];

/** What an edit may insert: what opens and closes blocks, rows, and plain text. */
const INSERTS = [
  '\n',
  '\n\n',
  '```\n',
  '~~~',
  '- ',
  '> ',
  '1. ',
  '<!--',
  '-->',
  '<div>\n',
  '|',
  ' | a | b |\n',
  '|---|---|\n',
  '   ',
  '\t',
  'x',
  '*',
  '[a](',
  '===\n',
  '---\n',
  '\r\n',
  'é',
  '😀',
];

/** A random insertion, deletion or line moved in `text`. */
function edit(text: string, random: () => number): string {
  const at = Math.floor(random() * (text.length + 1));
  const kind = random();
  if (kind < 0.5) {
    const insert = INSERTS[Math.floor(random() * INSERTS.length)]!;
    return text.slice(0, at) + insert + text.slice(at);
  }
  if (kind < 0.85) return text.slice(0, at) + text.slice(at + 1 + Math.floor(random() * 8));
  const lines = text.split('\n');
  const from = Math.floor(random() * lines.length);
  const [line] = lines.splice(from, 1);
  lines.splice(Math.floor(random() * lines.length), 0, line!);
  return lines.join('\n');
}

describe('ScanMemo', () => {
  test('measureText is one scan of the lines, for every document', () => {
    for (const { name, text } of documents) {
      assert.deepEqual(measureText(text, new LineIndex(text).lineStarts), scanned(text), name);
    }
  });

  for (const blockLines of [1, 3, 64]) {
    test(`after each of a sequence of edits, in blocks of ${blockLines} lines, equals one scan`, () => {
      const random = prng(1300 + blockLines);
      for (const { name, text: original } of documents) {
        const memo = new ScanMemo(blockLines);
        let text = original;
        for (let step = 0; step < 12; step++) {
          text = text.length > 2 * original.length + 200 ? original : edit(text, random);
          const { lineStarts } = new LineIndex(text);
          const { measure } = memo.read(text, lineStarts, Infinity, GUARD_LIMITS.depth);
          assert.deepEqual(
            measure,
            scanned(text),
            `${name}, step ${step}: ${JSON.stringify(text)}`,
          );
          const alone = assessText(text, lineStarts, 'chunked');
          assert.deepEqual(assessText(text, lineStarts, 'chunked', memo), alone, name);
        }
      }
    });
  }

  test('edits that change only what the next lines are read in: fences, HTML, lists, tables', () => {
    const pairs = [
      ['> a | b\nc | d\n|---|---|\n| e | f |\n', '> a | b\n> c | d\n|---|---|\n| e | f |\n'],
      ['````\ncode\n```\nmore\n````\nafter\n', '```\ncode\n```\nmore\n````\nafter\n'],
      ['~~~\ncode\n~~~\n\ntext\n', '```\ncode\n~~~\n\ntext\n'],
      ['<!--\nx\n-->\n*a*\n', '<?\nx\n-->\n*a*\n'],
      ['- a\n\n  b\n', '-  a\n\n  b\n'],
      ['| a | b |\n|---|---|\n| c | d |\n', ' | a | b |\n|---|---|\n| c | d |\n'],
    ];
    for (const blockLines of [1, 2]) {
      for (const [before, after] of pairs) {
        const memo = new ScanMemo(blockLines);
        for (const text of [before!, after!, before!]) {
          const { measure } = memo.read(text, new LineIndex(text).lineStarts, Infinity, 64);
          assert.deepEqual(measure, scanned(text), JSON.stringify(text));
        }
      }
    }
  });

  test('a table whose direct rows a later row undoes, edited above that row', () => {
    const head = '| Time | Event |\n|---|---|\n';
    const text = `${head}${rows(50, (i) => `| 10:00 | r${i} |`)}\n | 11:00 | undoes |\n`;
    const memo = new ScanMemo(4);
    memo.read(text, new LineIndex(text).lineStarts, Infinity, GUARD_LIMITS.depth);
    const edited = text.replace('r10 |', 'r10 longer |');
    const { lineStarts } = new LineIndex(edited);
    const { measure } = memo.read(edited, lineStarts, Infinity, GUARD_LIMITS.depth);
    assert.deepEqual(measure, scanned(edited));
    assert.equal(measure!.directRows.rows, 0);
  });

  test('nesting past the limit: scanned again in full after, and the same hazard', () => {
    const deep = `${'- '.repeat(65)}deep\n`;
    const memo = new ScanMemo(2);
    let text = `a\n\nb\n\n${deep}c\n`;
    for (const next of [text, text.replace('a', 'aa'), text.replace(deep, 'shallow\n')]) {
      text = next;
      const { lineStarts } = new LineIndex(text);
      const { measure } = memo.read(text, lineStarts, Infinity, GUARD_LIMITS.depth);
      assert.deepEqual(measure, scanned(text));
      assert.deepEqual(assessText(text, lineStarts, 'full', memo), assessText(text, lineStarts));
    }
  });

  test('bytes: followed through edits, and over the limit nothing is scanned', () => {
    const memo = new ScanMemo();
    let text = 'é\n😀\nplain\n';
    for (const next of ['é\n😀!\nplain\n', 'é\nplain\n', `${'é'.repeat(3)}\n`]) {
      text = next;
      const read = memo.read(text, new LineIndex(text).lineStarts, Infinity, GUARD_LIMITS.depth);
      assert.equal(read.bytes, Buffer.byteLength(text));
    }
    const over = memo.read('ééé\n', new LineIndex('ééé\n').lineStarts, 5, GUARD_LIMITS.depth);
    assert.deepEqual(over, { bytes: 7, measure: null });
  });
});
