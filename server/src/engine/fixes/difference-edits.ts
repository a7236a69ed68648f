/** The single edit that turns a text into its fixed version. */
import { changedRange } from '../markdown/text-change';
import type { TextEdit } from '../model';

/** The one edit of `before` that gives `after`: their differing middle; null when equal. */
export function differenceEdit(before: string, after: string): TextEdit | null {
  const change = changedRange(before, after);
  if (!change) return null;
  return {
    start: change.start,
    end: change.end,
    newText: after.slice(change.start, change.newEnd),
  };
}
