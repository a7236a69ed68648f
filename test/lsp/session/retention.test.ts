import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Retention } from '../../../server/src/lsp/session/retention';

test('retention: the used keys kept are the newest, within the number of keys', () => {
  const retention = new Retention(2, 1000);
  assert.deepEqual(retention.use('a', 10), []);
  assert.deepEqual(retention.use('b', 10), []);
  assert.deepEqual(retention.use('a', 10), []);
  assert.deepEqual(retention.use('c', 10), ['b']);
  assert.deepEqual(
    ['a', 'b', 'c'].map((key) => retention.keeps(key)),
    [true, false, true],
  );
});

test('retention: and within the characters of their texts together; the newest whatever its length', () => {
  const retention = new Retention(8, 100);
  assert.deepEqual(retention.use('a', 40), []);
  assert.deepEqual(retention.use('b', 40), []);
  assert.deepEqual(retention.use('c', 40), ['a']);
  // Longer after an edit: the older ones make room.
  assert.deepEqual(retention.use('b', 70), ['c']);
  assert.deepEqual(retention.use('huge', 500), ['b']);
  assert.equal(retention.keeps('huge'), true);
  assert.deepEqual(retention.use('a', 40), ['huge']);
});

test('retention: the key opened last is kept until another opens, unless it was used', () => {
  const retention = new Retention(1, 100);
  assert.deepEqual(retention.open('x'), []);
  assert.equal(retention.keeps('x'), true);
  assert.deepEqual(retention.open('y'), ['x']);
  retention.use('y', 10);
  assert.deepEqual(retention.open('z'), []);
  assert.deepEqual(
    ['y', 'z'].map((key) => retention.keeps(key)),
    [true, true],
  );
  retention.delete('z');
  assert.equal(retention.keeps('z'), false);
});
