/** Findings less those that the document's suppression comments (`markdown/directives.ts`) cover. */
import type { Root } from 'mdast';
import { suppressedRanges } from '../markdown/directives';
import type { Finding } from '../model';
import { RULE_IDS } from '../model';

/**
 * The findings that no suppression comment of the document (`text`, parsed into `tree`)
 * covers. A text without `<!--` has no comment: its tree is not walked.
 */
export function filterSuppressed(findings: Finding[], tree: Root, text: string): Finding[] {
  if (findings.length === 0 || !text.includes('<!--')) return findings;
  const ranges = suppressedRanges(tree, RULE_IDS);
  return findings.filter((finding) => {
    const line = finding.span.start.line;
    return !ranges.get(finding.ruleId)!.some(([first, last]) => line >= first && line <= last);
  });
}
