/** The configuration a document gets when nothing else is said: the `standard` schema. */
import type { KeywordMilestone, LintConfig, RuleId, Severity } from '../model';
import { standard } from '../sections/presets/standard';
import { RULES } from '../rules/registry';

/** Keyword stems that mark milestones (SPEC §3), matched at word starts, case-insensitively. */
export const DEFAULT_MILESTONE_KEYWORDS: Record<KeywordMilestone, string[]> = {
  detected: [
    'detect',
    'alert',
    'alarm',
    'page',
    'monitor',
    'notice',
    'report',
    'customer reached out',
    'customers reached out',
    'user reached out',
    'users reached out',
    'complain',
  ],
  acknowledged: [
    'acknowledg',
    'on-call',
    'investigat',
    'joined',
    'engaged',
    'responded',
    'incident commander',
    'declared an incident',
    'declares an incident',
    'incident declared',
    'incident was declared',
  ],
  mitigated: [
    'mitigat',
    'workaround',
    'temporary fix',
    'rolled back',
    'rollback',
    'restart',
    'failover',
    'restored',
  ],
  resolved: [
    'resolved',
    'resolution',
    'permanent fix',
    'fixed',
    'back to normal',
    'all clear',
    'fix deployed',
    'fix is deployed',
    'fix was deployed',
    'deployed the fix',
    'deployed a fix',
    'fix released',
    'patch released',
    'patched version',
    'back online',
    'recovered',
    'fully operational',
  ],
};

/** Each rule's default severity. */
export function defaultSeverities(): Record<RuleId, Severity> {
  return Object.fromEntries(RULES.map((rule) => [rule.id, rule.defaultSeverity])) as Record<
    RuleId,
    Severity
  >;
}

/** The default configuration: `standard` schema, default severities and keywords, no zone. */
export function defaultConfig(): LintConfig {
  return {
    schema: standard,
    rules: defaultSeverities(),
    milestoneKeywords: structuredClone(DEFAULT_MILESTONE_KEYWORDS),
    timeZone: null,
    dateOrder: null,
    files: [],
    extensions: [],
  };
}
