/** Applying a chosen set of fixes the way `--fix` does, and the edit that results. */
import { analyze } from '../engine/analyze';
import { applyEdits, compatibleEdits } from '../engine/edits';
import type { Finding, LintConfig, TextEdit } from '../engine/model';

/** Passes before giving up on fixes that keep producing new ones (as the engine's `fixAll`). */
const MAX_PASSES = 10;

/**
 * The text with every fix `select` picks applied. Fixes can conflict (two missing sections
 * inserted at one place), so each pass applies the compatible ones and re-analyses: sections
 * inserted at one place come out in schema order, each with its own blank lines.
 */
export function applyFixesRepeatedly(
  text: string,
  config: LintConfig,
  select: (finding: Finding) => boolean,
): string {
  let current = text;
  let findings: Finding[] | null = null;
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    findings ??= analyze(current, config).findings;
    const fixes = findings.flatMap((finding) =>
      finding.fix && select(finding) ? [finding.fix] : [],
    );
    const next = applyEdits(current, compatibleEdits(fixes));
    if (next === current) break;
    current = next;
    findings = null;
  }
  return current;
}

/** Whether an offset falls inside `\r\n` or a surrogate pair, where no edit may start or end. */
function splitsUnit(text: string, offset: number): boolean {
  const before = text.charCodeAt(offset - 1);
  const after = text.charCodeAt(offset);
  return (
    (before === 13 && after === 10) ||
    (before >= 0xd800 && before <= 0xdbff && after >= 0xdc00 && after <= 0xdfff)
  );
}

/** The one edit of `before` that gives `after`: their differing middle; null when equal. */
export function differenceEdit(before: string, after: string): TextEdit | null {
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
  return {
    start: prefix,
    end: before.length - suffix,
    newText: after.slice(prefix, after.length - suffix),
  };
}
