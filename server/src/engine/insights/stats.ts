/**
 * The statistics the insights print of a metric over many reports: the median and the
 * nearest-rank percentile, over the values that are known.
 */

/** Ascending copy of `values` (numbers compared as numbers, not as text). */
function sorted(values: readonly number[]): number[] {
  return [...values].sort((a, b) => a - b);
}

/**
 * The median of `values`: the middle value of an odd count, the mean of the two middle values
 * of an even count; null when there is none.
 */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const ordered = sorted(values);
  const middle = Math.floor(ordered.length / 2);
  return ordered.length % 2 === 1
    ? ordered[middle]!
    : (ordered[middle - 1]! + ordered[middle]!) / 2;
}

/**
 * The nearest-rank `percent`th percentile of `values` (0 < percent ≤ 100): the smallest value
 * at least `percent` % of the values are at or below, which is always one of the values (the
 * one of rank ⌈percent / 100 × n⌉); null when there is none.
 */
export function percentile(values: readonly number[], percent: number): number | null {
  if (!(percent > 0 && percent <= 100)) {
    throw new RangeError(`Percentile ${percent} is outside 0 < p ≤ 100`);
  }
  if (values.length === 0) return null;
  const ordered = sorted(values);
  // Multiplied before dividing: `0.7 * 10` is 7.000000000000001, whose ceiling would be 8.
  const rank = Math.ceil((percent * ordered.length) / 100);
  return ordered[Math.max(rank, 1) - 1]!;
}
