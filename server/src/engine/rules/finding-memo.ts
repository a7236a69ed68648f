/**
 * Each rule's findings of a session's last analysis, as given (`RuleFinding`) and as built
 * (`Finding`): a rule that gives again most of the objects it gave last time (`timeline-time`
 * keeps its findings with the entries moved in place) has them built once, and found by
 * place rather than looked up one by one.
 */
import type { Finding, RuleFinding, RuleId } from '../model';

type Effective = Finding['severity'];

/** What one rule gave in the last analysis, at which severity, and what was built of it. */
interface Run {
  severity: Effective;
  given: readonly RuleFinding[];
  built: readonly Finding[];
}

/** The finding of a rule's `finding` at the rule's `severity`. */
export function findingOf(finding: RuleFinding, ruleId: RuleId, severity: Effective): Finding {
  return { ...finding, ruleId, severity: finding.severity ?? severity };
}

/** The length of the run of `a` and `b` alike from their starts, up to `limit`. */
function samePrefix(a: readonly RuleFinding[], b: readonly RuleFinding[], limit: number): number {
  let i = 0;
  while (i < limit && a[i] === b[i]) i++;
  return i;
}

/** The length of the run of `a` and `b` alike from their ends, up to `limit`. */
function sameSuffix(a: readonly RuleFinding[], b: readonly RuleFinding[], limit: number): number {
  let i = 0;
  while (i < limit && a[a.length - 1 - i] === b[b.length - 1 - i]) i++;
  return i;
}

export class FindingMemo {
  private readonly runs = new Map<RuleId, Run>();

  /**
   * The findings built of what rule `ruleId` gave at `severity`, in the order given. Those
   * before and after the first and last that differ from the last run at the same severity
   * (a one-row edit changes a few in the middle) are the last run's. The list is kept for the
   * next run: like the rest of an analysis through a session, it must not be mutated.
   */
  build(ruleId: RuleId, severity: Effective, given: readonly RuleFinding[]): Finding[] {
    const last = this.runs.get(ruleId);
    let head = 0;
    let tail = 0;
    if (last?.severity === severity) {
      const limit = Math.min(given.length, last.given.length);
      head = samePrefix(given, last.given, limit);
      tail = sameSuffix(given, last.given, limit - head);
    }
    const kept = last?.built ?? [];
    const built: Finding[] = [];
    for (let i = 0; i < head; i++) built.push(kept[i]!);
    for (let i = head; i < given.length - tail; i++)
      built.push(findingOf(given[i]!, ruleId, severity));
    for (let i = kept.length - tail; i < kept.length; i++) built.push(kept[i]!);
    this.runs.set(ruleId, { severity, given, built });
    return built;
  }
}
