/**
 * Status-aware strictness: the report's `status` (front matter) decides how loud its findings
 * are, through the `strictness` configuration. A draft's findings are information by default;
 * a final report's missing and empty sections, template text and incomplete follow-ups are
 * errors. A rule that is off stays off at every status.
 */
import { scaleValue } from '../metadata/read';
import type { LintConfig, PostmortemModel, RuleId, Severity } from '../model';

/** The severity a rule's findings get in this report, before a finding's own `info`. */
export function ruleSeverity(model: PostmortemModel, config: LintConfig, id: RuleId): Severity {
  const configured = config.rules[id];
  if (configured === 'off') return 'off';
  const written = model.metadata.status;
  const status =
    written === null
      ? null
      : scaleValue(written, config.metadata.statuses, config.metadata.aliases);
  const strictness = status === null ? undefined : config.strictness[status];
  if (strictness === 'info') return 'info';
  return strictness?.[id] ?? configured;
}
