/** `--fix` and fix-all: apply every safe fix, re-analysing until none is left. */
import { analyze } from './analyze';
import type { Analysis } from './analyze';
import { applyEdits, compatibleEdits } from './edits';
import type { LintConfig } from './model';

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

/**
 * Applies the safe fixes of a text (without a byte order mark). One fix can move or replace
 * another, so each pass applies the ones that do not conflict and analyses the text again.
 */
export function fixAll(text: string, config: LintConfig): FixResult {
  let current = text;
  let analysis = analyze(current, config);
  let passes = 0;
  while (passes < MAX_PASSES) {
    const source = current;
    // A fix that changes nothing would block the ones it conflicts with.
    const fixes = analysis.findings.flatMap((finding) =>
      finding.fix?.safe &&
      finding.fix.edits.some((edit) => source.slice(edit.start, edit.end) !== edit.newText)
        ? [finding.fix]
        : [],
    );
    const next = applyEdits(current, compatibleEdits(fixes));
    if (next === current) break;
    current = next;
    analysis = analyze(current, config);
    passes++;
  }
  return { text: current, analysis, passes };
}
