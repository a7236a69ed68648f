import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { leadingTime, unmarked } from '../../../server/src/engine/timeline/leading-time';

/** `[time text, readable, event]` of what a text starts with; null when no time. */
function lead(text: string) {
  const read = leadingTime(text, 0, text.length);
  return read && [text.slice(...read.time), read.parsed !== null, text.slice(read.rest)];
}

describe('leadingTime', () => {
  test('a time in markup, in brackets, or after a date in its own markup', () => {
    assert.deepEqual(lead('**10:00** - a'), ['10:00', true, 'a']);
    assert.deepEqual(lead('[08:47] a'), ['08:47', true, 'a']);
    assert.deepEqual(lead('[???] a'), ['???', true, 'a']);
    assert.deepEqual(lead('Dec 16th **12:43** a'), ['Dec 16th **12:43**', true, 'a']);
    assert.deepEqual(lead('2025-12-17 `00:30` a'), ['2025-12-17 `00:30`', true, 'a']);
    assert.deepEqual(lead('2025-12-17 X: a'), ['2025-12-17 X', true, 'a']);
  });

  test('a link or a marker is no time, nor a word starting with X after a date', () => {
    assert.equal(lead('[08:47](https://example.com) a'), null);
    assert.equal(lead('[detected] a'), null);
    // A date alone, its event starting with an `X` word: no unknown time.
    assert.deepEqual(lead('2025-12-17 X-ray results'), ['2025-12-17', true, 'X-ray results']);
  });

  test('text shaped like a time that cannot be read is an unreadable time', () => {
    assert.deepEqual(lead('HH:mm - a'), ['HH:mm', false, 'a']);
    assert.deepEqual(lead('2024-03-13 HH:mm a'), ['2024-03-13 HH:mm', false, 'a']);
    assert.deepEqual(lead('Mar 3 HH:mm a'), ['Mar 3 HH:mm', false, 'a']);
    assert.deepEqual(lead('10:00b a'), ['10:00b', false, 'a']);
  });
});

describe('unmarked', () => {
  test('drops the markup around a range, and never inverts it', () => {
    assert.deepEqual(unmarked('**10:00**', [0, 9]), [2, 7]);
    assert.deepEqual(unmarked('****', [0, 4]), [4, 4]);
  });
});
