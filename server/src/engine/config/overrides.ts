/** Settings that an editor (or a remark pipeline) lays over a configuration file's choices. */
import type { DateOrder, KeywordMilestone, LintConfig, RuleId, Severity } from '../model';
import { findPreset } from '../sections/presets';
import { MAX_KEYWORDS } from './resolve';
import { MAX_NAME_LENGTH } from './sections';

export interface ConfigOverrides {
  /** A preset's name; empty or unknown leaves the configured sections. */
  preset: string;
  rules: Partial<Record<RuleId, Severity>>;
  milestoneKeywords: Partial<Record<KeywordMilestone, string[]>>;
  /** Empty leaves the configured zone. */
  timeZone: string;
  /** Empty leaves the configured date order. */
  dateOrder: DateOrder | '';
}

/** A configuration with the overrides over it: preset, severities, keywords, zone, date order. */
export function withOverrides(config: LintConfig, overrides: ConfigOverrides): LintConfig {
  const preset = overrides.preset ? findPreset(overrides.preset) : undefined;
  return {
    ...config,
    schema: preset ? preset.schema : config.schema,
    rules: { ...config.rules, ...overrides.rules },
    milestoneKeywords: {
      ...config.milestoneKeywords,
      ...boundedKeywords(overrides.milestoneKeywords),
    },
    timeZone: overrides.timeZone || config.timeZone,
    dateOrder: overrides.dateOrder || config.dateOrder,
  };
}

/**
 * Settings' keywords within the bounds a configuration file has (`MAX_KEYWORDS` stems of at
 * most `MAX_NAME_LENGTH` characters per milestone), so a workspace's settings cannot build an
 * oversized pattern: longer stems are left out, and the stems past the bound.
 */
function boundedKeywords(
  keywords: ConfigOverrides['milestoneKeywords'],
): ConfigOverrides['milestoneKeywords'] {
  return Object.fromEntries(
    Object.entries(keywords).map(([milestone, stems]) => [
      milestone,
      stems.filter((stem) => stem.length <= MAX_NAME_LENGTH).slice(0, MAX_KEYWORDS),
    ]),
  );
}
