/**
 * Sort Timeline on lists: items move whole, with their sub-items and paragraphs, among the
 * items of their own list; markers and indentation stay; a sort that would read as other
 * blocks is not offered.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyze } from '../../../server/src/engine/analyze';
import { defaultConfig } from '../../../server/src/engine/config/defaults';
import { applyEdits } from '../../../server/src/engine/fixes/edits';
import type { Finding } from '../../../server/src/engine/model';

const config = defaultConfig();

function orderFindings(timeline: string[]): { text: string; findings: Finding[] } {
  const text = `# Outage\n\n## Timeline\n\n${timeline.join('\n')}\n`;
  const findings = analyze(text, config).findings.filter((f) => f.ruleId === 'timeline-order');
  return { text, findings };
}

/** The timeline's lines after its sort; null when no finding offers one. */
function sorted(...timeline: string[]): string[] | null {
  const { text, findings } = orderFindings(timeline);
  const fix = findings.find((finding) => finding.fix)?.fix;
  if (!fix) return null;
  const fixed = applyEdits(text, fix.edits);
  assert.deepEqual(
    analyze(fixed, config).findings.filter((f) => f.ruleId === 'timeline-order'),
    [],
    'the sorted timeline is in order',
  );
  return fixed.split('\n').slice(4, -1);
}

test('an item moves with its sub-items, which stay under it', () => {
  assert.deepEqual(sorted('- 10:10 engineers join', '  - 10:12 sub note', '- 10:00 alert fired'), [
    '- 10:00 alert fired',
    '- 10:10 engineers join',
    '  - 10:12 sub note',
  ]);
});

test('sub-items are sorted among themselves, under their own item', () => {
  assert.deepEqual(
    sorted('- 10:00 alert', '  - 10:20 second', '  - 10:10 first', '- 10:30 resolved'),
    ['- 10:00 alert', '  - 10:10 first', '  - 10:20 second', '- 10:30 resolved'],
  );
});

test('ordered lists keep their numbering as written, and task items their boxes', () => {
  assert.deepEqual(sorted('1. 10:10 b', '2. 10:00 a', '3. 10:20 c'), [
    '1. 10:00 a',
    '2. 10:10 b',
    '3. 10:20 c',
  ]);
  assert.deepEqual(sorted('1. 10:10 b', '1. 10:00 a'), ['1. 10:00 a', '1. 10:10 b']);
  assert.deepEqual(sorted('- [ ] 10:10 b', '- [x] 10:00 a'), ['- [x] 10:00 a', '- [ ] 10:10 b']);
});

test('a second paragraph moves under a wider or narrower number and stays a paragraph', () => {
  const items = Array.from({ length: 8 }, (_, i) => `${i + 2}. 10:0${i + 2} step`);
  const lines = sorted(
    '1. 10:30 late',
    '',
    '   More on late.',
    '',
    ...items,
    '10. 09:00 early',
    '',
    '    More on early.',
  );
  assert.deepEqual(lines?.slice(0, 3), ['1. 09:00 early', '', '   More on early.']);
  assert.deepEqual(lines?.slice(-3), ['10. 10:30 late', '', '    More on late.']);
});

test('an entry earlier than the item it is under is not offered the sort', () => {
  const { findings } = orderFindings(['- 10:00 a', '  - 09:55 sub', '- 09:50 b']);
  assert.deepEqual(
    findings.map((finding) => [finding.message, finding.fix !== undefined]),
    [
      ['Timeline entry `09:55` is earlier than the entry before it (`10:00`)', false],
      ['Timeline entry `09:50` is earlier than the entry before it (`09:55`)', true],
    ],
  );
});

test('content that cannot move under another marker as written: no sort', () => {
  const items = Array.from({ length: 8 }, (_, i) => `${i + 2}. 10:0${i + 2} step`);
  assert.equal(sorted('1. 10:30 late', ...items, '10. 09:00 early', '', '\tMore on early.'), null);
});

test('a sort that would read as other blocks is not offered', () => {
  // After `10.` and a tab the content starts in column 5; under `1.` and the same tab, in
  // column 5 too, so the second paragraph, moved one column left, would leave its item.
  const items = Array.from({ length: 8 }, (_, i) => `${i + 2}. 10:0${i + 2} step`);
  const early = ['10.\t09:00 early', '', '    More on early.'];
  assert.equal(sorted('1. 10:30 late', ...items, ...early), null);
});
