/** Where two versions of a text differ: one range, found from both ends. */

/** Text `[start, end)` of the older version became `[start, newEnd)` of the newer. */
export interface TextChange {
  start: number;
  end: number;
  newEnd: number;
}

/** Whether an offset falls inside `\r\n` or a surrogate pair, where no change may start or end. */
function splitsUnit(text: string, offset: number): boolean {
  const before = text.charCodeAt(offset - 1);
  const after = text.charCodeAt(offset);
  return (
    (before === 13 && after === 10) ||
    (before >= 0xd800 && before <= 0xdbff && after >= 0xdc00 && after <= 0xdfff)
  );
}

/** Characters below which blocks are compared character by character. */
const BLOCK = 16;

/**
 * How many characters `a` and `b` share at their starts (`fromEnd`: at their ends), at most
 * `limit`. Blocks of doubling, then halving, length are compared by string equality, which
 * the engine does far faster than a loop over characters; the last few characters one by one.
 * Each character is compared about twice at most.
 */
function common(a: string, b: string, limit: number, fromEnd: boolean): number {
  const same = (from: number, length: number): boolean =>
    fromEnd
      ? a.slice(a.length - from - length, a.length - from) ===
        b.slice(b.length - from - length, b.length - from)
      : a.slice(from, from + length) === b.slice(from, from + length);
  let n = 0;
  let step = BLOCK;
  while (n + step <= limit && same(n, step)) {
    n += step;
    step *= 2;
  }
  while (step > BLOCK) {
    step >>= 1;
    if (n + step <= limit && same(n, step)) n += step;
  }
  const at = (text: string, i: number) => text.charCodeAt(fromEnd ? text.length - 1 - i : i);
  while (n < limit && at(a, n) === at(b, n)) n++;
  return n;
}

/**
 * The one range in which `before` and `after` differ: their common start and end taken away,
 * never splitting `\r\n` or a surrogate pair; null when they are equal.
 */
export function changedRange(before: string, after: string): TextChange | null {
  if (before === after) return null;
  const shortest = Math.min(before.length, after.length);
  let prefix = common(before, after, shortest, false);
  while (prefix > 0 && (splitsUnit(before, prefix) || splitsUnit(after, prefix))) prefix--;
  let suffix = common(before, after, shortest - prefix, true);
  while (
    suffix > 0 &&
    (splitsUnit(before, before.length - suffix) || splitsUnit(after, after.length - suffix))
  ) {
    suffix--;
  }
  return { start: prefix, end: before.length - suffix, newEnd: after.length - suffix };
}
