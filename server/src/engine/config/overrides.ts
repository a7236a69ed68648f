/** Settings that an editor (or a remark pipeline) lays over a configuration file's choices. */
import type { DateOrder, KeywordMilestone, LintConfig, RuleId, Severity } from '../model';
import { LineIndex } from '../markdown/lines';
import { findPreset } from '../sections/presets';
import { parseJson, propertiesOf } from './json';
import { readFollowUps, readMetadata, readSeveritySections, readStrictness } from './metadata';
import { MAX_KEYWORDS } from './resolve';
import { MAX_NAME_LENGTH } from './sections';

/** The configuration file's blocks that a setting of the same name may give, in reading order. */
export const SETTING_BLOCKS = ['metadata', 'strictness', 'severitySections', 'followUps'] as const;
export type SettingBlock = (typeof SETTING_BLOCKS)[number];

export interface ConfigOverrides {
  /** A preset's name; empty or unknown leaves the configured sections. */
  preset: string;
  rules: Partial<Record<RuleId, Severity>>;
  milestoneKeywords: Partial<Record<KeywordMilestone, string[]>>;
  /** Empty leaves the configured zone. */
  timeZone: string;
  /** Empty leaves the configured date order. */
  dateOrder: DateOrder | '';
  /** Blocks as the client sent them (JSON values), read as a configuration file's. */
  blocks: Partial<Record<SettingBlock, unknown>>;
}

/**
 * A configuration with the overrides over it: preset, severities, keywords, zone, date order,
 * then the blocks. `report` hears what each invalid part of a block is, named by its setting.
 */
export function withOverrides(
  config: LintConfig,
  overrides: ConfigOverrides,
  report: (message: string) => void = () => {},
): LintConfig {
  const preset = overrides.preset ? findPreset(overrides.preset) : undefined;
  const laid: LintConfig = {
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
  return withBlocks(laid, overrides.blocks, report);
}

/**
 * The blocks given by settings over a configuration, each read by the configuration file's
 * own reader with what the configuration has as its base: the same checks and bounds, each
 * invalid part left out and said, the rest used. Settings come as JSON values, so they are
 * written as JSON text to be read the way a file is.
 */
function withBlocks(
  config: LintConfig,
  blocks: ConfigOverrides['blocks'],
  report: (message: string) => void,
): LintConfig {
  const given = SETTING_BLOCKS.filter((block) => blocks[block] !== undefined);
  if (given.length === 0) return config;
  const text = JSON.stringify(Object.fromEntries(given.map((block) => [block, blocks[block]])));
  const { root, problems } = parseJson(text, 'settings', new LineIndex(text));
  const names = given.map((block) => `\`postmortem.${block}\``).join(', ');
  for (const problem of problems) report(`Left out: ${names}, ${problem.message.toLowerCase()}`);
  const nodes = new Map((root ? propertiesOf(root) : []).map(({ key, value }) => [key, value]));
  const read = { ...config };
  for (const block of given) {
    const node = nodes.get(block);
    if (!node) continue;
    const said = (_: unknown, message: string) =>
      report(`Left out of the \`postmortem.${block}\` setting: ${message}`);
    if (block === 'metadata') read.metadata = readMetadata(node, read.metadata, said);
    else if (block === 'strictness')
      read.strictness = readStrictness(node, read.metadata.statuses, read.strictness, said);
    else if (block === 'severitySections')
      read.severitySections = readSeveritySections(
        node,
        read.metadata.severities,
        read.schema,
        said,
      );
    else read.followUps = readFollowUps(node, read.followUps, read.schema, said);
  }
  return read;
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
