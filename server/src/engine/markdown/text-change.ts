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

/**
 * The one range in which `before` and `after` differ: their common start and end taken away,
 * never splitting `\r\n` or a surrogate pair; null when they are equal. One pass over each.
 */
export function changedRange(before: string, after: string): TextChange | null {
  if (before === after) return null;
  let prefix = 0;
  const shortest = Math.min(before.length, after.length);
  while (prefix < shortest && before.charCodeAt(prefix) === after.charCodeAt(prefix)) prefix++;
  while (prefix > 0 && (splitsUnit(before, prefix) || splitsUnit(after, prefix))) prefix--;
  let suffix = 0;
  while (
    suffix < shortest - prefix &&
    before.charCodeAt(before.length - 1 - suffix) === after.charCodeAt(after.length - 1 - suffix)
  ) {
    suffix++;
  }
  while (
    suffix > 0 &&
    (splitsUnit(before, before.length - suffix) || splitsUnit(after, after.length - suffix))
  ) {
    suffix--;
  }
  return { start: prefix, end: before.length - suffix, newEnd: after.length - suffix };
}
