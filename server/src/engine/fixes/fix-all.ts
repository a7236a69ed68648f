/** `--fix` and fix-all: apply every safe fix, re-analysing until none is left. */
import type { Analysis } from '../analyze';
import { analyze } from '../analyze';
import { applyEdits, compatibleEdits } from './edits';
import { createSession } from '../session';
import type { Finding, LintConfig } from '../model';

/** Passes before giving up on fixes that keep producing new ones. */
const MAX_PASSES = 10;

export interface FixResult {
  /** The text with the safe fixes applied (unchanged when there were none). */
  text: string;
  /** The analysis of the fixed text: the findings that remain. */
  analysis: Analysis;
  /** How many passes changed the text. */
  passes: number;
}

/** Which findings' fixes `fixAll` applies unless told otherwise: the safe ones. */
const isSafe = (finding: Finding): boolean => finding.fix?.safe === true;

/**
 * Applies the fixes of the findings that `select` picks (by default the safe ones) to a text
 * without a byte order mark. One fix can move or replace another (two sections inserted at one
 * place), so each pass applies the ones that do not conflict and analyses the text again:
 * sections inserted at one place come out in schema order. Passes after the first re-parse only
 * the sections their edits changed.
 */
export function fixAll(
  text: string,
  config: LintConfig,
  select: (finding: Finding) => boolean = isSafe,
): FixResult {
  const session = createSession();
  let current = text;
  let analysis = analyze(current, config, session);
  let passes = 0;
  while (passes < MAX_PASSES) {
    const source = current;
    // A fix that changes nothing would block the ones it conflicts with.
    const fixes = analysis.findings.flatMap((finding) =>
      finding.fix &&
      select(finding) &&
      finding.fix.edits.some((edit) => source.slice(edit.start, edit.end) !== edit.newText)
        ? [finding.fix]
        : [],
    );
    const next = applyEdits(current, compatibleEdits(fixes));
    if (next === current) break;
    current = next;
    analysis = analyze(current, config, session);
    passes++;
  }
  return { text: current, analysis, passes };
}
