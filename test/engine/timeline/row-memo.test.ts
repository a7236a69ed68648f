/** The memo one timeline read keeps for the next: what it keeps, for how long, and how much. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { GenerationMemo } from '../../../server/src/engine/timeline/row-memo';

test('a value is read once while reads use it, and kept through its record', () => {
  const memo = new GenerationMemo<string>();
  memo.rotate();
  const record = memo.record('a', () => 'A');
  assert.equal(
    memo.value('a', () => 'other'),
    'A',
  );
  for (let read = 0; read < 5; read++) {
    memo.rotate();
    memo.keep(record);
  }
  assert.equal(
    memo.value('a', () => 'other'),
    'A',
  );
  assert.equal(memo.misses, 1);
});

test('values the last read did not use are dropped once they outnumber its values', () => {
  const memo = new GenerationMemo<number>();
  memo.rotate();
  const kept = memo.record('kept', () => 0);
  for (let i = 0; i < 200; i++) memo.value(`old ${i}`, () => i);
  memo.rotate();
  memo.keep(kept);
  // The read that used one value ends: the 200 others are dropped.
  memo.rotate();
  memo.keep(kept);
  assert.equal(
    memo.value('old 1', () => -1),
    -1,
    'read again',
  );
  assert.equal(
    memo.value('kept', () => -1),
    0,
  );
  const misses = memo.misses;
  // A record dropped and kept again is found again.
  const dropped = memo.record('dropped', () => 7);
  for (let i = 0; i < 200; i++) memo.value(`more ${i}`, () => i);
  memo.rotate();
  memo.rotate();
  memo.keep(dropped);
  assert.equal(
    memo.value('dropped', () => -1),
    7,
  );
  assert.equal(memo.misses, misses + 201);
});
