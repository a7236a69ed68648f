/** `--fix` and fix-all: apply every safe fix, re-analysing until none is left. */
import type { Analysis } from '../analyze';
import { analyze } from '../analyze';
import { applyEdits, compatibleEdits } from './edits';
import { createSession } from '../session';
import type { Finding, LintConfig } from '../model';

/** Passes before giving up on fixes that keep producing new ones. */
const MAX_PASSES = 10;
/** Passes tried, the undone ones included. */
const MAX_ROUNDS = 2 * MAX_PASSES;

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

/** What tells a finding from the others after a re-analysis: its rule and message. */
const keyOf = (finding: Finding): string => `${finding.ruleId} ${finding.message}`;

function countKeys(findings: readonly Finding[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const finding of findings) counts.set(keyOf(finding), (counts.get(keyOf(finding)) ?? 0) + 1);
  return counts;
}

/**
 * Applies the fixes of the findings that `select` picks (by default the safe ones) to a text
 * without a byte order mark. One fix can move or replace another (two sections inserted at one
 * place), so each pass applies the ones that do not conflict and analyses the text again:
 * sections inserted at one place come out in schema order. Passes after the first re-parse only
 * the sections their edits changed.
 *
 * A pass whose fixes leave one of their findings in place is undone, and those findings' fixes
 * are not tried again: such a fix would be applied again on every pass and every run (a section
 * inserted where the text does not read as one), and fixing twice must give what fixing once
 * gives.
 */
export function fixAll(
  text: string,
  config: LintConfig,
  select: (finding: Finding) => boolean = isSafe,
): FixResult {
  const session = createSession();
  const refused = new Set<string>();
  let current = text;
  let analysis = analyze(current, config, session);
  let passes = 0;
  for (let rounds = 0; passes < MAX_PASSES && rounds < MAX_ROUNDS; rounds++) {
    const source = current;
    // A fix that changes nothing would block the ones it conflicts with.
    const chosen = analysis.findings.filter(
      (finding) =>
        finding.fix &&
        select(finding) &&
        !refused.has(keyOf(finding)) &&
        finding.fix.edits.some((edit) => source.slice(edit.start, edit.end) !== edit.newText),
    );
    const taken = compatibleEdits(chosen.map((finding) => finding.fix!));
    const next = applyEdits(current, taken);
    if (next === current) break;
    const after = analyze(next, config, session);
    const takenEdits = new Set(taken);
    const applied = chosen.filter((finding) =>
      finding.fix!.edits.every((edit) => takenEdits.has(edit)),
    );
    const before = countKeys(analysis.findings);
    const remaining = countKeys(after.findings);
    const stuck = applied.filter(
      (finding) => (remaining.get(keyOf(finding)) ?? 0) >= before.get(keyOf(finding))!,
    );
    if (stuck.length > 0) {
      for (const finding of stuck) refused.add(keyOf(finding));
      // The session read the undone text, which may have moved the tree of `current`'s
      // analysis (`session.ts`): it is analysed again.
      analysis = analyze(current, config, session);
      continue;
    }
    current = next;
    analysis = after;
    passes++;
  }
  return { text: current, analysis, passes };
}
