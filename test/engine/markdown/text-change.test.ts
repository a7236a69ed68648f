/** The range two versions of a text differ in, against a comparison character by character. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { changedRange } from '../../../server/src/engine/markdown/text-change';
import { differenceEdit } from '../../../server/src/engine/fixes/difference-edits';
import { prng } from '../../helpers/prng';

/** The range as a loop over characters finds it, units kept whole. */
function reference(before: string, after: string) {
  if (before === after) return null;
  const splits = (text: string, i: number) =>
    (text[i - 1] === '\r' && text[i] === '\n') ||
    (/[\ud800-\udbff]/.test(text[i - 1] ?? '') && /[\udc00-\udfff]/.test(text[i] ?? ''));
  const shortest = Math.min(before.length, after.length);
  let prefix = 0;
  while (prefix < shortest && before[prefix] === after[prefix]) prefix++;
  while (prefix > 0 && (splits(before, prefix) || splits(after, prefix))) prefix--;
  let suffix = 0;
  while (suffix < shortest - prefix && before.at(-1 - suffix) === after.at(-1 - suffix)) suffix++;
  while (
    suffix > 0 &&
    (splits(before, before.length - suffix) || splits(after, after.length - suffix))
  ) {
    suffix--;
  }
  return { start: prefix, end: before.length - suffix, newEnd: after.length - suffix };
}

test('finds the range a loop over characters finds, for edits of every size and place', () => {
  const random = prng(5);
  const pieces = ['a', 'ab', '\r\n', '\n', '😀', 'x'.repeat(40), '| 10:00 | row |\n'];
  const text = (length: number) =>
    Array.from({ length }, () => pieces[Math.floor(random() * pieces.length)]).join('');
  for (let i = 0; i < 400; i++) {
    const before = text(Math.floor(random() * 3000));
    const at = Math.floor(random() * (before.length + 1));
    const cut = Math.floor(random() * Math.min(50, before.length - at + 1));
    const after = before.slice(0, at) + text(Math.floor(random() * 4)) + before.slice(at + cut);
    assert.deepEqual(changedRange(before, after), reference(before, after), `case ${i}`);
  }
});

test('keeps a line ending and a surrogate pair whole', () => {
  assert.deepEqual(changedRange('a\r\nb', 'a\nb'), { start: 1, end: 3, newEnd: 2 });
  assert.deepEqual(changedRange('x😀y', 'x😁y'), { start: 1, end: 3, newEnd: 3 });
  assert.equal(changedRange('same', 'same'), null);
  assert.deepEqual(differenceEdit('one two', 'one 2'), { start: 4, end: 7, newText: '2' });
});
