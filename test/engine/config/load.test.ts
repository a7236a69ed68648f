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
      blocks: {},
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
      blocks: {},
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
      blocks: {},
    });
    assert.deepEqual(config, base);
  });

  const none = {
    preset: '',
    rules: {},
    milestoneKeywords: {},
    timeZone: '',
    dateOrder: '',
  } as const;

  test('metadata, strictness, severity sections and follow-ups from settings, over the file', () => {
    const base = withOverrides(defaultConfig(), {
      ...none,
      blocks: { metadata: { statuses: ['open', 'closed'] } },
    });
    const messages: string[] = [];
    const config = withOverrides(
      base,
      {
        ...none,
        blocks: {
          metadata: { severities: ['P1', 'P2'], required: ['status'] },
          strictness: { open: 'info', closed: { placeholder: 'error' } },
          severitySections: { P1: { required: ['lessons'] } },
          followUps: { require: ['owner', 'ticket'], ticketPatterns: ['OPS-\\d+'] },
        },
      },
      (message) => messages.push(message),
    );
    assert.deepEqual(messages, []);
    assert.deepEqual(config.metadata, {
      required: ['status'],
      severities: ['P1', 'P2'],
      // What the settings do not say, the configuration under them does.
      statuses: ['open', 'closed'],
      idPattern: 'PM-{date}',
      aliases: {},
    });
    assert.deepEqual(config.strictness, { open: 'info', closed: { placeholder: 'error' } });
    assert.deepEqual(config.severitySections, { P1: { required: ['lessons'], optional: [] } });
    assert.deepEqual(config.followUps, {
      sections: ['prevention'],
      require: ['owner', 'ticket'],
      ticketPatterns: ['OPS-\\d+'],
    });
  });

  test('blocks from settings are checked as a file is: each bad part said and left out', () => {
    const messages: string[] = [];
    const config = withOverrides(
      defaultConfig(),
      {
        ...none,
        blocks: {
          metadata: { required: ['owner', 'date'], severities: [], colour: 'red' },
          strictness: 'loud',
          severitySections: { SEV9: { required: ['lessons'] } },
          followUps: {
            ticketPatterns: ['(a+)+', 'OPS-\\d+', ...Array.from({ length: 200 }, () => 'X-1')],
          },
        },
      },
      (message) => messages.push(message),
    );
    assert.deepEqual(messages, [
      'Left out of the `postmortem.metadata` setting: Unknown key `colour` in `metadata`; expected `required`, `severities`, `statuses`, `idPattern` or `aliases`',
      'Left out of the `postmortem.metadata` setting: Unknown value `owner` in `metadata.required`; expected `title`, `id`, `date`, `severity`, `status`, `authors`, `services`, `started`, `detected` or `resolved`',
      'Left out of the `postmortem.metadata` setting: Expected `metadata.severities` to name at least one value',
      'Left out of the `postmortem.strictness` setting: Expected `strictness` to be an object, found a string',
      'Left out of the `postmortem.severitySections` setting: Unknown severity `SEV9`; expected `SEV1`, `SEV2`, `SEV3` or `SEV4` (`metadata.severities`)',
      'Left out of the `postmortem.followUps` setting: More than 100 items in `followUps.ticketPatterns`; the 102 after the first 100 are left out',
      'Left out of the `postmortem.followUps` setting: Cannot use the tracking-key pattern `(a+)+`: it repeats a group, which can make matching slow',
    ]);
    assert.deepEqual(config.metadata.required, ['date']);
    assert.deepEqual(config.metadata.severities, defaultConfig().metadata.severities);
    assert.deepEqual(config.strictness, defaultConfig().strictness);
    assert.deepEqual(config.severitySections, {});
    assert.equal(config.followUps.ticketPatterns.length, 99);
  });

  test('settings nested past the bound of a file are left out, said once', () => {
    let deep: unknown = 'x';
    for (let i = 0; i < 40; i++) deep = [deep];
    const messages: string[] = [];
    const config = withOverrides(
      defaultConfig(),
      { ...none, blocks: { followUps: { sections: deep } } },
      (message) => messages.push(message),
    );
    assert.deepEqual(messages, [
      'Left out: `postmortem.followUps`, nested more than 32 levels deep',
    ]);
    assert.deepEqual(config, defaultConfig());
  });
});
