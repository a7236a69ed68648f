/** Settings that an editor (or a remark pipeline) lays over a configuration file's choices. */
import type { DateOrder, KeywordMilestone, LintConfig, RuleId, Severity } from '../model';
import { findPreset } from '../sections/presets';

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
    milestoneKeywords: { ...config.milestoneKeywords, ...overrides.milestoneKeywords },
    timeZone: overrides.timeZone || config.timeZone,
    dateOrder: overrides.dateOrder || config.dateOrder,
  };
}
