/** The JSON Schema of `.postmortemrc.json` must say what the resolver accepts, no more, no less. */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import {
  CONFIG_KEYS,
  KEYWORD_MILESTONES,
  MAX_KEYWORDS,
  resolveConfig,
  SEVERITIES,
} from '../../../server/src/engine/config/resolve';
import {
  MAX_NAME_LENGTH,
  MAX_NAMES,
  MAX_SECTIONS,
  SECTION_KEYS,
} from '../../../server/src/engine/config/sections';
import {
  defaultConfig,
  DEFAULT_MILESTONE_KEYWORDS,
} from '../../../server/src/engine/config/defaults';
import {
  FOLLOW_UP_KEYS,
  METADATA_KEYS,
  SEVERITY_SECTION_KEYS,
} from '../../../server/src/engine/config/metadata';
import {
  DATE_ORDERS,
  FOLLOW_UP_ATTRIBUTES,
  METADATA_FIELDS,
  RULE_IDS,
} from '../../../server/src/engine/model';
import { PRESETS } from '../../../server/src/engine/sections/presets';
import { RULES } from '../../../server/src/engine/rules/registry';
import { ruleUrl } from '../../../server/src/engine/rules/rule';
import { repoRoot } from '../../helpers/paths';

const schema = JSON.parse(
  readFileSync(join(repoRoot, 'schemas', 'postmortemrc.schema.json'), 'utf8'),
);
const properties = schema.properties;

test('the schema is draft-07 and allows only the keys the resolver reads', () => {
  assert.equal(schema.$schema, 'http://json-schema.org/draft-07/schema#');
  assert.equal(schema.additionalProperties, false);
  assert.deepEqual(Object.keys(properties), [...CONFIG_KEYS]);
});

test('rules: every rule id of the registry, in order, with its default severity and docs', () => {
  assert.deepEqual(Object.keys(properties.rules.properties), [...RULE_IDS]);
  assert.deepEqual(
    RULES.map((rule) => rule.id),
    [...RULE_IDS],
  );
  for (const rule of RULES) {
    const entry = properties.rules.properties[rule.id];
    assert.equal(entry.$ref, '#/definitions/severity');
    assert.equal(entry.default, rule.defaultSeverity, rule.id);
    assert.equal(entry.description, `${rule.description} Default: ${rule.defaultSeverity}.`);
    assert.ok(entry.markdownDescription.includes(`(${ruleUrl(rule.id)})`), rule.id);
  }
  assert.equal(properties.rules.additionalProperties, false);
  assert.deepEqual(schema.definitions.severity.enum, [...SEVERITIES]);
});

test('extends: every preset of the registry, with its description', () => {
  const [presets, path] = properties.extends.anyOf;
  assert.deepEqual(
    presets.enum,
    PRESETS.map((preset) => preset.name),
  );
  assert.deepEqual(
    presets.enumDescriptions,
    PRESETS.map((preset) => preset.description),
  );
  const pattern = new RegExp(path.pattern);
  assert.ok(pattern.test('./team.json') && pattern.test('..\\base.json') && !pattern.test('dfds'));
});

test('milestoneKeywords: the keyword milestones, with the default stems', () => {
  const keywords = properties.milestoneKeywords;
  assert.deepEqual(Object.keys(keywords.properties), [...KEYWORD_MILESTONES]);
  for (const milestone of KEYWORD_MILESTONES) {
    assert.deepEqual(keywords.properties[milestone].default, DEFAULT_MILESTONE_KEYWORDS[milestone]);
  }
  assert.equal(keywords.additionalProperties, false);
});

test('sections: a section object has exactly the keys the resolver reads', () => {
  assert.deepEqual(Object.keys(schema.definitions.section.properties), [...SECTION_KEYS]);
  assert.deepEqual(schema.definitions.section.required, ['id']);
});

test('the bounds of lists and names are those of the resolver', () => {
  const section = schema.definitions.section.properties;
  const keywords = KEYWORD_MILESTONES.map((m) => properties.milestoneKeywords.properties[m]);
  assert.deepEqual(
    [
      properties.sections.maxItems,
      ...['files', 'extensions', 'optional'].map((key) => properties[key].maxItems),
      properties.addAliases.additionalProperties.maxItems,
      section.aliases.maxItems,
      ...keywords.map((list) => list.maxItems),
    ],
    [MAX_SECTIONS, ...Array(5).fill(MAX_NAMES), ...keywords.map(() => MAX_KEYWORDS)],
  );
  assert.deepEqual(
    [
      section.id.maxLength,
      section.title.maxLength,
      section.aliases.items.maxLength,
      properties.addAliases.additionalProperties.items.maxLength,
      ...keywords.map((list) => list.items.maxLength),
    ],
    Array(4 + keywords.length).fill(MAX_NAME_LENGTH),
  );
});

test('the examples in the schema resolve without problems', () => {
  const examples = Object.entries(properties).flatMap(([key, value]) =>
    ((value as { examples?: unknown[] }).examples ?? []).map((example) => ({ [key]: example })),
  );
  assert.ok(examples.length >= 5);
  for (const example of examples) {
    const text = JSON.stringify(example);
    assert.deepEqual(resolveConfig(text, '/x/.postmortemrc.json').problems, [], text);
  }
});

test('dateOrder: the orders the resolver reads, and null, each resolving', () => {
  assert.deepEqual(properties.dateOrder.enum, [...DATE_ORDERS, null]);
  assert.equal(properties.dateOrder.default, defaultConfig().dateOrder);
  for (const value of properties.dateOrder.enum) {
    const text = JSON.stringify({ dateOrder: value });
    const resolved = resolveConfig(text, '/x/.postmortemrc.json');
    assert.deepEqual(resolved.problems, [], text);
    assert.equal(resolved.config.dateOrder, value);
  }
});

test('metadata, followUps, strictness, severitySections: the keys and defaults the resolver has', () => {
  const config = defaultConfig();
  assert.deepEqual(Object.keys(properties.metadata.properties), [...METADATA_KEYS]);
  for (const key of METADATA_KEYS) {
    assert.deepEqual(properties.metadata.properties[key].default, config.metadata[key], key);
  }
  assert.deepEqual(properties.metadata.properties.required.items.enum, [...METADATA_FIELDS]);
  assert.deepEqual(Object.keys(properties.followUps.properties), [...FOLLOW_UP_KEYS]);
  for (const key of FOLLOW_UP_KEYS) {
    assert.deepEqual(properties.followUps.properties[key].default, config.followUps[key], key);
  }
  assert.deepEqual(properties.followUps.properties.require.items.enum, [...FOLLOW_UP_ATTRIBUTES]);
  assert.deepEqual(properties.strictness.default, config.strictness);
  assert.deepEqual(Object.keys(properties.strictness.additionalProperties.anyOf[1].properties), [
    ...RULE_IDS,
  ]);
  assert.deepEqual(Object.keys(properties.severitySections.additionalProperties.properties), [
    ...SEVERITY_SECTION_KEYS,
  ]);
});
