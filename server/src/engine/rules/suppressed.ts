/** Findings less those that the document's suppression comments (`markdown/directives.ts`) cover. */
import type { Root } from 'mdast';
import { suppressedRanges } from '../markdown/directives';
import type { Finding } from '../model';
import { RULE_IDS } from '../model';

/** The findings that no suppression comment of the document covers. */
export function filterSuppressed(findings: Finding[], tree: Root): Finding[] {
  if (findings.length === 0) return findings;
  const ranges = suppressedRanges(tree, RULE_IDS);
  return findings.filter((finding) => {
    const line = finding.span.start.line;
    return !ranges.get(finding.ruleId)!.some(([first, last]) => line >= first && line <= last);
  });
}
