/** Applying text edits, and choosing the fixes that can be applied together. */
import type { Fix, TextEdit } from '../model';

/**
 * Applies edits (offsets into `text`) that do not overlap, from the last to the first, so
 * that earlier offsets stay valid. Every character outside the edits is kept as it is.
 */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  let result = text;
  const ordered = [...edits].sort((a, b) => b.start - a.start || b.end - a.end);
  for (const edit of ordered) {
    result = result.slice(0, edit.start) + edit.newText + result.slice(edit.end);
  }
  return result;
}

/** Whether two edits touch the same text, or insert at the same place (their order is unknown). */
function conflict(a: TextEdit, b: TextEdit): boolean {
  return a.start === b.start || (a.start < b.end && b.start < a.end);
}

/**
 * The edits of the fixes that can be applied in one pass: in the order given, each fix whose
 * edits conflict with none already taken. A fix is taken whole or not at all; the fixes left
 * out (including repeats of a fix already taken) can be applied after re-analysing.
 */
export function compatibleEdits(fixes: readonly Fix[]): TextEdit[] {
  const taken: TextEdit[] = [];
  for (const fix of fixes) {
    if (fix.edits.some((edit) => taken.some((other) => conflict(edit, other)))) continue;
    taken.push(...fix.edits);
  }
  return taken;
}
