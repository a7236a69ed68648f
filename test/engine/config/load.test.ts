/** Loading configuration through the caller's file access, and settings laid over it. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { defaultConfig } from '../../../server/src/engine/config/defaults';
import { loadConfig } from '../../../server/src/engine/config/load';
import { withOverrides } from '../../../server/src/engine/config/overrides';
import { MAX_KEYWORDS } from '../../../server/src/engine/config/resolve';
import { MAX_NAME_LENGTH } from '../../../server/src/engine/config/sections';
import type { ConfigSource } from '../../../server/src/engine/config/resolve';

const files: Record<string, string> = {
  '/team/.postmortemrc.json': '\uFEFF{ "extends": "./base.json", "timeZone": "UTC" }',
  '/team/base.json': '{ "rules": { "rca-evidence": "error" } }',
};

const readFile = (fileName: string): ConfigSource =>
  fileName in files
    ? { fileName, text: files[fileName]! }
    : { fileName, error: 'no such file or directory' };
const locate = (reference: string, fromFile: string): string =>
  `${fromFile.slice(0, fromFile.lastIndexOf('/'))}/${reference.replace(/^\.\//, '')}`;

describe('loadConfig', () => {
  test('reads the file and what it extends through the callbacks, byte order mark dropped', () => {
    const {
      config,
      problems,
      files: read,
    } = loadConfig('/team/.postmortemrc.json', readFile, locate);
    assert.deepEqual(problems, []);
    assert.deepEqual(read, ['/team/.postmortemrc.json', '/team/base.json']);
    assert.equal(config.timeZone, 'UTC');
    assert.equal(config.rules['rca-evidence'], 'error');
  });

  test('a file that cannot be read is a problem named as the caller names it; defaults apply', () => {
    const { config, problems } = loadConfig('/team/missing.json', readFile, locate, 'missing.json');
    assert.deepEqual(config, defaultConfig());
    assert.deepEqual(
      problems.map((problem) => [problem.file, problem.message]),
      [['/team/missing.json', 'Cannot read `missing.json`: no such file or directory']],
    );
  });
});

describe('withOverrides', () => {
  test('a preset, severities, keywords, a zone and a date order over the configuration', () => {
    const config = withOverrides(defaultConfig(), {
      preset: 'google-sre',
      rules: { 'section-order': 'off' },
      milestoneKeywords: { detected: ['paged'] },
      timeZone: 'CET',
      dateOrder: 'day-month',
    });
    assert.equal(config.dateOrder, 'day-month');
    assert.ok(config.schema.sections.some((section) => section.id === 'trigger'));
    assert.equal(config.rules['section-order'], 'off');
    assert.equal(config.rules['required-sections'], 'warning');
    assert.deepEqual(config.milestoneKeywords.detected, ['paged']);
    assert.deepEqual(config.milestoneKeywords.resolved, defaultConfig().milestoneKeywords.resolved);
    assert.equal(config.timeZone, 'CET');
  });

  test('keywords from settings keep the bounds of a configuration file', () => {
    const stems = Array.from({ length: 33_000 }, (_, i) => `stem${i}`);
    const config = withOverrides(defaultConfig(), {
      preset: '',
      rules: {},
      milestoneKeywords: { detected: ['x'.repeat(MAX_NAME_LENGTH + 1), ...stems] },
      timeZone: '',
      dateOrder: '',
    });
    assert.deepEqual(config.milestoneKeywords.detected, stems.slice(0, MAX_KEYWORDS));
  });

  test('empty and unknown values leave the configuration as it is', () => {
    const base = { ...defaultConfig(), timeZone: 'UTC', dateOrder: 'month-day' as const };
    const config = withOverrides(base, {
      preset: 'nope',
      rules: {},
      milestoneKeywords: {},
      timeZone: '',
      dateOrder: '',
    });
    assert.deepEqual(config, base);
  });
});
