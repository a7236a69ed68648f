/**
 * The configuration blocks about a report's metadata and follow-ups: `metadata` (required
 * fields, the severity scale, the statuses, the id pattern, aliases of other scales), `strictness` (how loud findings
 * are by status), `severitySections` (sections required by severity) and `followUps` (where
 * action items are read and what each must name). Each invalid part is reported at its place
 * and falls back to what it extends.
 */
import type { Node } from 'jsonc-parser/lib/esm/main.js';
import type {
  FollowUpAttribute,
  FollowUpConfig,
  MetadataConfig,
  MetadataField,
  RuleId,
  Schema,
  Severity,
  SeveritySections,
  StatusStrictness,
} from '../model';
import { FOLLOW_UP_ATTRIBUTES, METADATA_FIELDS, RULE_IDS } from '../model';
import { scaleValue } from '../metadata/read';
import { describeType, oneOf, propertiesOf } from './json';
import { MAX_NAME_LENGTH, MAX_NAMES, readNames } from './sections';
import type { Report } from './sections';

/** Keys of the `metadata` block. */
export const METADATA_KEYS = [
  'required',
  'severities',
  'statuses',
  'idPattern',
  'aliases',
] as const;
/** Keys of the `followUps` block. */
export const FOLLOW_UP_KEYS = ['sections', 'require', 'ticketPatterns'] as const;
/** Keys of a `severitySections` entry. */
export const SEVERITY_SECTION_KEYS = ['required', 'optional'] as const;

const SEVERITY_VALUES: readonly string[] = ['off', 'info', 'warning', 'error'];

/** Longest tracking-key pattern accepted: keys are short, and so are their patterns. */
const MAX_PATTERN = 200;

/** The properties of an object node with `keys`; others (and a node that is no object) reported. */
function knownProperties(
  node: Node,
  what: string,
  keys: readonly string[],
  report: Report,
): Map<string, Node> | null {
  if (node.type !== 'object') {
    report(node, `Expected ${what} to be an object, found ${describeType(node)}`);
    return null;
  }
  const values = new Map<string, Node>();
  for (const { keyNode, key, value } of propertiesOf(node)) {
    if (!keys.includes(key))
      report(keyNode, `Unknown key \`${key}\` in ${what}; expected ${oneOf(keys)}`);
    else values.set(key, value);
  }
  return values;
}

/** A list of names each of which must be one of `allowed`; others reported. */
function namesFrom<T extends string>(
  node: Node,
  what: string,
  allowed: readonly T[],
  report: Report,
): T[] {
  return readNames(node, what, report).flatMap(({ name, node: item }) => {
    if ((allowed as readonly string[]).includes(name)) return [name as T];
    report(item, `Unknown value \`${name}\` in ${what}; expected ${oneOf(allowed)}`);
    return [];
  });
}

/** A non-empty list of distinct names. */
function scaleFrom(node: Node, what: string, base: string[], report: Report): string[] {
  const names = [...new Set(readNames(node, what, report).map(({ name }) => name))];
  if (names.length > 0) return names;
  report(node, `Expected ${what} to name at least one value`);
  return base;
}

/** `metadata`: required fields, the severity scale, the statuses and the id pattern. */
export function readMetadata(node: Node, base: MetadataConfig, report: Report): MetadataConfig {
  const values = knownProperties(node, '`metadata`', METADATA_KEYS, report);
  if (!values) return base;
  const required = values.get('required');
  const severities = values.get('severities');
  const statuses = values.get('statuses');
  const read: MetadataConfig = {
    required: required
      ? namesFrom<MetadataField>(required, '`metadata.required`', METADATA_FIELDS, report)
      : base.required,
    severities: severities
      ? scaleFrom(severities, '`metadata.severities`', base.severities, report)
      : base.severities,
    statuses: statuses
      ? scaleFrom(statuses, '`metadata.statuses`', base.statuses, report)
      : base.statuses,
    idPattern: base.idPattern,
    aliases: base.aliases,
  };
  const idPattern = values.get('idPattern');
  if (idPattern?.type === 'string' && String(idPattern.value).trim() !== '') {
    read.idPattern = String(idPattern.value).trim();
  } else if (idPattern) {
    report(
      idPattern,
      `Expected \`metadata.idPattern\` to be a text such as \`INC-{yyyy}{mm}{dd}\`, found ${describeType(idPattern)}`,
    );
  }
  const aliases = values.get('aliases');
  if (aliases) read.aliases = readAliases(aliases, [...read.severities, ...read.statuses], report);
  return read;
}

/**
 * `metadata.aliases`: what a team wrote (`P2`) → the value of a configured scale it stands for
 * (`SEV2`). At most `MAX_NAMES` of at most `MAX_NAME_LENGTH` characters; a value the scales
 * already name (case and separators aside) is no alias.
 */
function readAliases(
  node: Node,
  values: readonly string[],
  report: Report,
): Record<string, string> {
  if (node.type !== 'object') {
    report(node, `Expected \`metadata.aliases\` to be an object, found ${describeType(node)}`);
    return {};
  }
  const aliases: Record<string, string> = {};
  const properties = propertiesOf(node);
  if (properties.length > MAX_NAMES) {
    report(
      properties[MAX_NAMES]!.keyNode,
      `More than ${MAX_NAMES} aliases in \`metadata.aliases\`; the ${properties.length - MAX_NAMES} after the first ${MAX_NAMES} are left out`,
    );
  }
  for (const { keyNode, key, value } of properties.slice(0, MAX_NAMES)) {
    const from = key.trim();
    if (from === '' || from.length > MAX_NAME_LENGTH) {
      report(keyNode, `Expected each alias to be 1 to ${MAX_NAME_LENGTH} characters long`);
    } else if (scaleValue(from, values) !== null) {
      report(keyNode, `\`${from}\` is a value of the scales already, not an alias`);
    } else if (value.type !== 'string' || !values.includes(String(value.value))) {
      report(value, `Expected the alias \`${from}\` to name one of ${oneOf(values)}`);
    } else {
      aliases[from] = String(value.value);
    }
  }
  return aliases;
}

/** `strictness`: per status, `"info"` or severities by rule id. */
export function readStrictness(
  node: Node,
  statuses: readonly string[],
  base: Record<string, StatusStrictness>,
  report: Report,
): Record<string, StatusStrictness> {
  if (node.type !== 'object') {
    report(node, `Expected \`strictness\` to be an object, found ${describeType(node)}`);
    return base;
  }
  const strictness: Record<string, StatusStrictness> = {};
  for (const { keyNode, key, value } of propertiesOf(node)) {
    if (!statuses.includes(key)) {
      report(
        keyNode,
        `Unknown status \`${key}\`; expected ${oneOf(statuses)} (\`metadata.statuses\`)`,
      );
      continue;
    }
    if (value.type === 'string' && value.value === 'info') {
      strictness[key] = 'info';
      continue;
    }
    if (value.type !== 'object') {
      report(
        value,
        `Expected \`strictness.${key}\` to be \`"info"\` or severities by rule, found ${describeType(value)}`,
      );
      continue;
    }
    const rules: Partial<Record<RuleId, Severity>> = {};
    for (const rule of propertiesOf(value)) {
      if (!(RULE_IDS as readonly string[]).includes(rule.key)) {
        report(rule.keyNode, `Unknown rule \`${rule.key}\`; expected ${oneOf(RULE_IDS)}`);
      } else if (
        rule.value.type !== 'string' ||
        !SEVERITY_VALUES.includes(String(rule.value.value))
      ) {
        report(
          rule.value,
          `Unknown severity for \`${rule.key}\`; expected ${oneOf(SEVERITY_VALUES)}`,
        );
      } else {
        rules[rule.key as RuleId] = rule.value.value as Severity;
      }
    }
    strictness[key] = rules;
  }
  return strictness;
}

/** `severitySections`: per severity, the sections it makes required and optional. */
export function readSeveritySections(
  node: Node,
  severities: readonly string[],
  schema: Schema,
  report: Report,
): Record<string, SeveritySections> {
  if (node.type !== 'object') {
    report(node, `Expected \`severitySections\` to be an object, found ${describeType(node)}`);
    return {};
  }
  const ids = schema.sections.map((section) => section.id);
  const result: Record<string, SeveritySections> = {};
  for (const { keyNode, key, value } of propertiesOf(node)) {
    if (!severities.includes(key)) {
      report(
        keyNode,
        `Unknown severity \`${key}\`; expected ${oneOf(severities)} (\`metadata.severities\`)`,
      );
      continue;
    }
    const what = `\`severitySections.${key}\``;
    const values = knownProperties(value, what, SEVERITY_SECTION_KEYS, report);
    if (!values) continue;
    const sections = (part: 'required' | 'optional') => {
      const list = values.get(part);
      return list ? namesFrom(list, `\`severitySections.${key}.${part}\``, ids, report) : [];
    };
    result[key] = { required: sections('required'), optional: sections('optional') };
  }
  return result;
}

/**
 * Why a tracking-key pattern is refused, or null when it may be used: it must compile, be
 * short, and repeat no group and refer back to none, so that matching stays linear.
 */
export function ticketPatternProblem(pattern: string): string | null {
  if (pattern.length > MAX_PATTERN) return `longer than ${MAX_PATTERN} characters`;
  if (/\)[*+?{]/.test(pattern)) return 'it repeats a group, which can make matching slow';
  if (/\\[1-9k]/.test(pattern)) return 'it refers back to a group';
  try {
    new RegExp(pattern, 'u');
  } catch (error) {
    return (error as Error).message;
  }
  return null;
}

/** `followUps`: the sections read, what an open item must name, the tracking-key patterns. */
export function readFollowUps(
  node: Node,
  base: FollowUpConfig,
  schema: Schema,
  report: Report,
): FollowUpConfig {
  const values = knownProperties(node, '`followUps`', FOLLOW_UP_KEYS, report);
  if (!values) return base;
  const sections = values.get('sections');
  const require = values.get('require');
  const patterns = values.get('ticketPatterns');
  const ids = schema.sections.map((section) => section.id);
  return {
    sections: sections ? namesFrom(sections, '`followUps.sections`', ids, report) : base.sections,
    require: require
      ? namesFrom<FollowUpAttribute>(require, '`followUps.require`', FOLLOW_UP_ATTRIBUTES, report)
      : base.require,
    ticketPatterns: patterns
      ? readNames(patterns, '`followUps.ticketPatterns`', report).flatMap(
          ({ name, node: item }) => {
            const problem = ticketPatternProblem(name);
            if (problem === null) return [name];
            report(item, `Cannot use the tracking-key pattern \`${name}\`: ${problem}`);
            return [];
          },
        )
      : base.ticketPatterns,
  };
}
