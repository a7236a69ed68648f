/** What a rule is: its id, its default severity, its documentation and its check. */
import type { LintConfig, PostmortemModel, RuleFinding, RuleId, Severity } from '../model';

/** Where each rule's documentation lives; `docs/rules/<id>.md` in this repository. */
export const RULE_DOCS_BASE =
  'https://github.com/postmortem-tools/postmortem-authoring/blob/main/docs/rules/';

export interface Rule {
  id: RuleId;
  /** One sentence: what the rule finds. */
  description: string;
  defaultSeverity: Severity;
  /**
   * What the rule reads: `structure` (headings, the timeline, stated metrics), which a
   * degraded analysis still has, or `content` (the text of sections), which it does not.
   */
  reads: 'structure' | 'content';
  check(model: PostmortemModel, config: LintConfig): RuleFinding[];
}

/** The documentation address of a rule. */
export function ruleUrl(id: RuleId): string {
  return `${RULE_DOCS_BASE}${id}.md`;
}
