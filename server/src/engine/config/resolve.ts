/**
 * Configuration files (`.postmortemrc.json`): JSON text in, a complete `LintConfig` and the
 * problems found out. Pure: files that a configuration extends are read through a callback.
 * Every invalid part is reported at its place and falls back to what it extends.
 */
import type { Node } from 'jsonc-parser/lib/esm/main.js';
import { defaultConfig } from './defaults';
import type { DateOrder, KeywordMilestone, LintConfig, RuleId, Severity } from '../model';
import { DATE_ORDERS, MILESTONES, RULE_IDS } from '../model';
import { findPreset, unknownPresetMessage } from '../sections/presets';
import { LineIndex } from '../markdown/lines';
import { zoneOffset } from '../timeline/zones';
import { fileGlobProblem } from '../glob-match';
import { describeType, oneOf, parseJson, propertiesOf } from './json';
import { problemAt } from './problems';
import type { ConfigProblem } from './problems';
import { readFollowUps, readMetadata, readSeveritySections, readStrictness } from './metadata';
import { applySchemaEdits, boundedItems, MAX_NAME_LENGTH, MAX_NAMES } from './sections';
import type { Report } from './sections';

/** Severities a rule can be given. */
export const SEVERITIES: readonly Severity[] = ['off', 'info', 'warning', 'error'];

/** The keys a configuration object may have (`$schema` is for editors and ignored). */
export const CONFIG_KEYS = [
  '$schema',
  'extends',
  'sections',
  'addAliases',
  'optional',
  'rules',
  'milestoneKeywords',
  'timeZone',
  'dateOrder',
  'files',
  'extensions',
  'metadata',
  'strictness',
  'severitySections',
  'followUps',
] as const;

/** How many files deep `extends` may go (a chain of 32 files is far more than teams write). */
export const MAX_EXTENDS_DEPTH = 32;

/** How many keywords a milestone may have. */
export const MAX_KEYWORDS = 100;

/** Milestones whose keywords a configuration can set (`start` is marked only explicitly). */
export const KEYWORD_MILESTONES = MILESTONES.filter(
  (milestone): milestone is KeywordMilestone => milestone !== 'start',
);

/** A configuration with everything it extends applied, and the problems found on the way. */
export interface ResolvedConfig {
  config: LintConfig;
  problems: ConfigProblem[];
  /** The configuration files read (the file itself first), for callers that watch them. */
  files: string[];
}

/** A file that `extends` names, read by the caller: its text, or why it could not be read. */
export type ConfigSource = { fileName: string; text: string } | { fileName: string; error: string };

/** Reads the file an `extends` path names, relative to the file that names it. */
export type ReadConfig = (reference: string, fromFile: string) => ConfigSource;

/** Whether an `extends` value is a path rather than a preset name. */
function isPath(reference: string): boolean {
  return /[/\\]/.test(reference) || reference.toLowerCase().endsWith('.json');
}

/**
 * Resolves a configuration file's text. `extends` names a preset, or a JSON file read with
 * `read` (relative to `fileName`); without `read`, extending a file is a problem.
 */
export function resolveConfig(text: string, fileName: string, read?: ReadConfig): ResolvedConfig {
  return resolveWithin(text, fileName, read, [fileName]);
}

function resolveWithin(
  text: string,
  fileName: string,
  read: ReadConfig | undefined,
  chain: string[],
): ResolvedConfig {
  const lines = new LineIndex(text);
  const problems: ConfigProblem[] = [];
  const files = [fileName];
  const report: Report = (node, message) =>
    problems.push(problemAt(fileName, lines, node.offset, node.length, message));

  const parsed = parseJson(text, fileName, lines);
  problems.push(...parsed.problems);
  const root = parsed.root;
  if (!root) return { config: defaultConfig(), problems, files };
  if (root.type !== 'object') {
    report(root, `Expected the configuration to be an object, found ${describeType(root)}`);
    return { config: defaultConfig(), problems, files };
  }

  const values = new Map<string, Node>();
  for (const { keyNode, key, value } of propertiesOf(root)) {
    if (!(CONFIG_KEYS as readonly string[]).includes(key)) {
      report(keyNode, `Unknown key \`${key}\`; expected ${oneOf(CONFIG_KEYS.slice(1))}`);
    } else if (values.has(key)) {
      report(keyNode, `Duplicate key \`${key}\``);
    } else {
      values.set(key, value);
    }
  }

  let config = defaultConfig();
  const extendsNode = values.get('extends');
  if (extendsNode) {
    const base = resolveExtends(extendsNode, fileName, read, chain, report);
    if (base) {
      config = base.config;
      problems.push(...base.problems);
      files.push(...base.files);
    }
  }

  const schema = applySchemaEdits(
    config.schema,
    {
      sections: values.get('sections'),
      addAliases: values.get('addAliases'),
      optional: values.get('optional'),
    },
    report,
  );
  const rulesNode = values.get('rules');
  const keywordsNode = values.get('milestoneKeywords');
  const zoneNode = values.get('timeZone');
  const orderNode = values.get('dateOrder');
  const filesNode = values.get('files');
  const extensionsNode = values.get('extensions');
  const metadataNode = values.get('metadata');
  const strictnessNode = values.get('strictness');
  const severitySectionsNode = values.get('severitySections');
  const followUpsNode = values.get('followUps');
  const metadata = metadataNode
    ? readMetadata(metadataNode, config.metadata, report)
    : config.metadata;
  return {
    config: {
      schema,
      rules: rulesNode ? readRules(rulesNode, config.rules, report) : config.rules,
      milestoneKeywords: keywordsNode
        ? readKeywords(keywordsNode, config.milestoneKeywords, report)
        : config.milestoneKeywords,
      timeZone: zoneNode ? readTimeZone(zoneNode, config.timeZone, report) : config.timeZone,
      dateOrder: orderNode ? readDateOrder(orderNode, config.dateOrder, report) : config.dateOrder,
      files: filesNode ? readStrings(filesNode, 'files', FILE_GLOB, report) : config.files,
      extensions: extensionsNode
        ? readStrings(extensionsNode, 'extensions', EXTENSION, report)
        : config.extensions,
      metadata,
      strictness: strictnessNode
        ? readStrictness(strictnessNode, metadata.statuses, config.strictness, report)
        : config.strictness,
      severitySections: severitySectionsNode
        ? readSeveritySections(severitySectionsNode, metadata.severities, schema, report)
        : config.severitySections,
      followUps: followUpsNode
        ? readFollowUps(followUpsNode, config.followUps, schema, report)
        : config.followUps,
    },
    problems,
    files,
  };
}

/** The configuration `extends` names; undefined (after a problem) when it cannot be used. */
function resolveExtends(
  node: Node,
  fileName: string,
  read: ReadConfig | undefined,
  chain: string[],
  report: Report,
): ResolvedConfig | undefined {
  if (node.type !== 'string') {
    report(node, `Expected \`extends\` to be a string, found ${describeType(node)}`);
    return undefined;
  }
  const reference = String(node.value);
  const preset = findPreset(reference);
  if (preset) {
    return { config: { ...defaultConfig(), schema: preset.schema }, problems: [], files: [] };
  }
  if (!isPath(reference)) {
    report(node, `${unknownPresetMessage(reference)}, or a path to a \`.json\` file`);
    return undefined;
  }
  if (!read) {
    report(node, `Cannot extend \`${reference}\`: files cannot be read here`);
    return undefined;
  }
  if (chain.length >= MAX_EXTENDS_DEPTH) {
    report(
      node,
      `Cannot extend \`${reference}\`: \`extends\` goes more than ${MAX_EXTENDS_DEPTH} files deep`,
    );
    return undefined;
  }
  const source = read(reference, fileName);
  if ('error' in source) {
    report(node, `Cannot read \`${reference}\`: ${source.error}`);
    return undefined;
  }
  if (chain.includes(source.fileName)) {
    const cycle = [...chain.slice(chain.indexOf(source.fileName)), source.fileName];
    report(node, `\`extends\` makes a cycle: ${cycle.map((file) => `\`${file}\``).join(' → ')}`);
    return undefined;
  }
  return resolveWithin(source.text, source.fileName, read, [...chain, source.fileName]);
}

/** `rules`: a severity per rule id, over the extended severities. */
function readRules(
  node: Node,
  base: Record<RuleId, Severity>,
  report: Report,
): Record<RuleId, Severity> {
  const rules = { ...base };
  if (node.type !== 'object') {
    report(node, `Expected \`rules\` to be an object, found ${describeType(node)}`);
    return rules;
  }
  for (const { keyNode, key, value } of propertiesOf(node)) {
    if (!(RULE_IDS as readonly string[]).includes(key)) {
      report(keyNode, `Unknown rule \`${key}\`; expected ${oneOf(RULE_IDS)}`);
    } else if (value.type !== 'string' || !SEVERITIES.includes(value.value as Severity)) {
      const found = value.type === 'string' ? `\`${String(value.value)}\`` : describeType(value);
      report(value, `Unknown severity ${found} for \`${key}\`; expected ${oneOf(SEVERITIES)}`);
    } else {
      rules[key as RuleId] = value.value as Severity;
    }
  }
  return rules;
}

/** `milestoneKeywords`: the stems given for a milestone replace its defaults. */
function readKeywords(
  node: Node,
  base: Record<KeywordMilestone, string[]>,
  report: Report,
): Record<KeywordMilestone, string[]> {
  const keywords = structuredClone(base);
  if (node.type !== 'object') {
    report(node, `Expected \`milestoneKeywords\` to be an object, found ${describeType(node)}`);
    return keywords;
  }
  for (const { keyNode, key, value } of propertiesOf(node)) {
    if (!(KEYWORD_MILESTONES as readonly string[]).includes(key)) {
      report(keyNode, `Unknown milestone \`${key}\`; expected ${oneOf(KEYWORD_MILESTONES)}`);
      continue;
    }
    if (value.type !== 'array') {
      report(
        value,
        `Expected \`milestoneKeywords.${key}\` to be an array of strings, found ${describeType(value)}`,
      );
      continue;
    }
    const items = boundedItems(value, MAX_KEYWORDS, `\`milestoneKeywords.${key}\``, report);
    keywords[key as KeywordMilestone] = items.flatMap((item) => {
      const keyword = item.type === 'string' ? String(item.value).trim() : '';
      if (keyword.length > MAX_NAME_LENGTH) {
        report(
          item,
          `Expected each keyword of \`${key}\` to be at most ${MAX_NAME_LENGTH} characters long`,
        );
        return [];
      }
      if (keyword !== '') return [keyword];
      report(
        item,
        `Expected each keyword of \`${key}\` to be a non-empty string, found ${item.type === 'string' ? 'an empty string' : describeType(item)}`,
      );
      return [];
    });
  }
  return keywords;
}

/** What an item of `files` or `extensions` must be, and how that is said. */
interface StringRule {
  test(value: string): boolean;
  expected: string;
  /** What is wrong with a string the test refuses, said after it. */
  why?(value: string): string | null;
}

const FILE_GLOB: StringRule = {
  test: (value) => fileGlobProblem(value) === null,
  expected: 'a glob such as `docs/incidents/**`',
  why: fileGlobProblem,
};
const EXTENSION: StringRule = {
  test: (value) => /^\.[^\s/\\]+$/.test(value),
  expected: 'an extension with its dot, such as `.mdx` or `.md.erb`',
};

/** `files`, `extensions`: a list of strings, each one as `rule` says; others are reported. */
function readStrings(node: Node, key: string, rule: StringRule, report: Report): string[] {
  if (node.type !== 'array') {
    report(node, `Expected \`${key}\` to be an array of strings, found ${describeType(node)}`);
    return [];
  }
  return boundedItems(node, MAX_NAMES, `\`${key}\``, report).flatMap((item) => {
    if (item.type === 'string' && rule.test(String(item.value))) return [String(item.value)];
    const why = item.type === 'string' ? rule.why?.(String(item.value)) : null;
    const found =
      item.type === 'string'
        ? `\`${String(item.value)}\`${why ? `, which ${why}` : ''}`
        : describeType(item);
    report(item, `Expected each item of \`${key}\` to be ${rule.expected}, found ${found}`);
    return [];
  });
}

/** `timeZone`: the zone of times that state none, or `null` for none. */
function readTimeZone(node: Node, base: string | null, report: Report): string | null {
  if (node.type === 'null') return null;
  const expected = 'a zone such as `UTC`, `CET`, `+01:00` or `Europe/Copenhagen`, or `null`';
  if (node.type !== 'string') {
    report(node, `Expected \`timeZone\` to be ${expected}, found ${describeType(node)}`);
    return base;
  }
  const zone = String(node.value).trim();
  // Any instant will do: a zone that is known has an offset at every one.
  if (zoneOffset(zone, 0) === null) {
    report(node, `Unknown time zone \`${zone}\`; expected ${expected}`);
    return base;
  }
  return zone;
}

/** `dateOrder`: which part of a numeric date is the day, or `null` to report such dates. */
function readDateOrder(node: Node, base: DateOrder | null, report: Report): DateOrder | null {
  if (node.type === 'null') return null;
  const value = node.type === 'string' ? String(node.value) : null;
  if (value === null || !(DATE_ORDERS as readonly string[]).includes(value)) {
    const expected = oneOf([...DATE_ORDERS, 'null']);
    const found = value === null ? describeType(node) : `\`${value}\``;
    report(node, `Expected \`dateOrder\` to be ${expected}, found ${found}`);
    return base;
  }
  return value as DateOrder;
}
