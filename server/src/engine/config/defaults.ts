/** The configuration a document gets when nothing else is said: the `standard` schema. */
import type {
  FollowUpConfig,
  KeywordMilestone,
  LintConfig,
  MetadataConfig,
  RuleId,
  Severity,
  StatusStrictness,
} from '../model';
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
    'notified',
    'notifies',
    'received a report',
    'received reports',
    'receives a report',
    'received an e-mail',
    'receives an e-mail',
    'became aware',
    'made aware',
    'elevated error',
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
    'huddle',
    'war room',
    'bridge call',
    'incident bridge',
    'incident channel',
    'looking into',
  ],
  mitigated: [
    'mitigat',
    'workaround',
    'temporary fix',
    'rolled back',
    'rollback',
    'restart',
    'failover',
    'failed over',
    'revert',
    'restored',
    'no longer bottleneck',
    'no longer fail',
    'no longer error',
    'no longer lag',
    'no longer down',
    'no longer degraded',
    'no longer affected',
    'no longer impacted',
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
    'stabiliz',
    'stabilis',
    'returned to normal',
  ],
};

/** The `metadata` block when none is given: no field required, `SEV1`…`SEV4`, three statuses. */
export const DEFAULT_METADATA: Readonly<MetadataConfig> = {
  required: [],
  severities: ['SEV1', 'SEV2', 'SEV3', 'SEV4'],
  statuses: ['draft', 'in-review', 'final'],
  idPattern: 'PM-{date}',
  aliases: {},
};

/**
 * How loud findings are by status: a draft's are information, a final report's missing
 * sections, empty sections, template text and incomplete follow-ups are errors.
 */
export const DEFAULT_STRICTNESS: Readonly<Record<string, StatusStrictness>> = {
  draft: 'info',
  final: {
    'required-sections': 'error',
    'empty-section': 'error',
    placeholder: 'error',
    'action-items': 'error',
  },
};

/** Follow-ups come from the prevention section; an open one needs an owner and a due date. */
export const DEFAULT_FOLLOW_UPS: Readonly<FollowUpConfig> = {
  sections: ['prevention'],
  require: ['owner', 'due'],
  ticketPatterns: ['[A-Z][A-Z0-9]+-\\d+', '#\\d+'],
};

/** Each rule's default severity. */
export function defaultSeverities(): Record<RuleId, Severity> {
  return Object.fromEntries(RULES.map((rule) => [rule.id, rule.defaultSeverity])) as Record<
    RuleId,
    Severity
  >;
}

/**
 * The default configuration: `standard` schema, default severities and keywords, no zone, the
 * default metadata, strictness and follow-ups.
 */
export function defaultConfig(): LintConfig {
  return {
    schema: standard,
    rules: defaultSeverities(),
    milestoneKeywords: structuredClone(DEFAULT_MILESTONE_KEYWORDS),
    timeZone: null,
    dateOrder: null,
    files: [],
    extensions: [],
    metadata: structuredClone(DEFAULT_METADATA),
    strictness: structuredClone(DEFAULT_STRICTNESS),
    severitySections: {},
    followUps: structuredClone(DEFAULT_FOLLOW_UPS),
  };
}
