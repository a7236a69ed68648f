/** The median and the nearest-rank percentile the insights print. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { median, percentile } from '../../../server/src/engine/insights/stats';

const values = fc.array(fc.integer({ min: -10_000, max: 10_000 }), { minLength: 1, maxLength: 60 });

describe('median', () => {
  test('no value: null', () => {
    assert.equal(median([]), null);
  });

  test('odd count: the middle value, in numeric order (not as text)', () => {
    assert.equal(median([7]), 7);
    // Sorted: 2, 9, 40, 100, 130; the third is 40 (as text, 100 < 130 < 2 < 40 < 9).
    assert.equal(median([130, 2, 40, 100, 9]), 40);
  });

  test('even count: the mean of the two middle values', () => {
    // Sorted: 10, 20, 30, 70; (20 + 30) / 2.
    assert.equal(median([70, 10, 30, 20]), 25);
    // Sorted: 5, 8; (5 + 8) / 2.
    assert.equal(median([8, 5]), 6.5);
  });

  test('leaves its input as it was', () => {
    const input = [3, 1, 2];
    median(input);
    assert.deepEqual(input, [3, 1, 2]);
  });

  test('property: as many values at or below it as at or above it', () => {
    fc.assert(
      fc.property(values, (list) => {
        const m = median(list)!;
        const below = list.filter((v) => v <= m).length;
        const above = list.filter((v) => v >= m).length;
        assert.ok(below >= list.length / 2 && above >= list.length / 2);
        assert.ok(m >= Math.min(...list) && m <= Math.max(...list));
      }),
    );
  });
});

describe('percentile (nearest rank)', () => {
  test('no value: null', () => {
    assert.equal(percentile([], 90), null);
  });

  test('hand-worked p90: rank ⌈0.9 × n⌉ of the sorted values', () => {
    // n = 1: rank 1.
    assert.equal(percentile([42], 90), 42);
    // n = 3 (42, 60, 130): ⌈2.7⌉ = 3, the largest.
    assert.equal(percentile([130, 42, 60], 90), 130);
    // n = 10 (1…10): ⌈9⌉ = 9, not 10.
    assert.equal(percentile([10, 9, 8, 7, 6, 5, 4, 3, 2, 1], 90), 9);
    // n = 11 (1…11): ⌈9.9⌉ = 10.
    assert.equal(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11], 90), 10);
    // n = 20 (1…20): ⌈18⌉ = 18.
    assert.equal(
      percentile(
        Array.from({ length: 20 }, (_, i) => 20 - i),
        90,
      ),
      18,
    );
  });

  test('a product that floating point would round up keeps its rank: p70 of 10 values is the 7th', () => {
    // 0.7 × 10 is 7.000000000000001 in floating point; the rank is 7.
    assert.equal(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 70), 7);
  });

  test('p100 is the largest value; p50 the lower middle one', () => {
    assert.equal(percentile([4, 1, 9], 100), 9);
    assert.equal(percentile([4, 1, 9, 6], 50), 4);
  });

  test('a percent outside 0 < p ≤ 100 is refused', () => {
    assert.throws(() => percentile([1], 0), /outside/);
    assert.throws(() => percentile([1], 101), /outside/);
    assert.throws(() => percentile([1], Number.NaN), /outside/);
  });

  test('property: one of the values, with at least p % at or below it and fewer below it', () => {
    fc.assert(
      fc.property(values, fc.integer({ min: 1, max: 100 }), (list, p) => {
        const value = percentile(list, p)!;
        assert.ok(list.includes(value));
        assert.ok(list.filter((v) => v <= value).length >= (p / 100) * list.length);
        assert.ok(list.filter((v) => v < value).length < (p / 100) * list.length);
      }),
    );
  });

  test('property: a higher percent never gives a lower value', () => {
    fc.assert(
      fc.property(values, fc.integer({ min: 1, max: 99 }), (list, p) => {
        assert.ok(percentile(list, p)! <= percentile(list, p + 1)!);
      }),
    );
  });
});
