/** The `metadata`, `strictness`, `severitySections` and `followUps` blocks of `.postmortemrc.json`. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { defaultConfig } from '../../../server/src/engine/config/defaults';
import { ticketPatternProblem } from '../../../server/src/engine/config/metadata';
import { resolveConfig } from '../../../server/src/engine/config/resolve';

const FILE = '/repo/.postmortemrc.json';

function resolve(value: unknown) {
  return resolveConfig(JSON.stringify(value), FILE);
}

function messages(value: unknown): string[] {
  return resolve(value).problems.map((problem) => problem.message);
}

describe('metadata', () => {
  test('the defaults: nothing required, SEV1…SEV4, three statuses, PM-{date}', () => {
    assert.deepEqual(defaultConfig().metadata, {
      required: [],
      severities: ['SEV1', 'SEV2', 'SEV3', 'SEV4'],
      statuses: ['draft', 'in-review', 'final'],
      idPattern: 'PM-{date}',
      aliases: {},
    });
  });

  test('a scale, required fields and an id pattern replace the defaults; the rest is kept', () => {
    const { config, problems } = resolve({
      metadata: { required: ['id', 'severity'], severities: ['P1', 'P2'], idPattern: 'INC-{yyyy}' },
    });
    assert.deepEqual(problems, []);
    assert.deepEqual(config.metadata, {
      required: ['id', 'severity'],
      severities: ['P1', 'P2'],
      statuses: ['draft', 'in-review', 'final'],
      idPattern: 'INC-{yyyy}',
      aliases: {},
    });
  });

  test('unknown keys and fields, an empty scale, a pattern that is no text: each reported', () => {
    assert.deepEqual(
      messages({ metadata: { required: ['owner'], severities: [], idPattern: 3, tags: [] } }),
      [
        'Unknown key `tags` in `metadata`; expected `required`, `severities`, `statuses`, `idPattern` or `aliases`',
        'Unknown value `owner` in `metadata.required`; expected `title`, `id`, `date`, `severity`, `status`, `authors`, `services`, `started`, `detected` or `resolved`',
        'Expected `metadata.severities` to name at least one value',
        'Expected `metadata.idPattern` to be a text such as `INC-{yyyy}{mm}{dd}`, found a number',
      ],
    );
    assert.deepEqual(resolve({ metadata: { severities: [] } }).config.metadata.severities, [
      'SEV1',
      'SEV2',
      'SEV3',
      'SEV4',
    ]);
  });
});

describe('metadata.aliases', () => {
  test('another scale mapped onto the configured ones; what cannot be an alias reported', () => {
    const { config, problems } = resolve({
      metadata: {
        aliases: { P1: 'SEV1', 'In progress': 'in-review', sev2: 'SEV2', P3: 'SEV9', '': 'SEV4' },
      },
    });
    assert.deepEqual(config.metadata.aliases, { P1: 'SEV1', 'In progress': 'in-review' });
    assert.deepEqual(
      problems.map((problem) => problem.message),
      [
        '`sev2` is a value of the scales already, not an alias',
        'Expected the alias `P3` to name one of `SEV1`, `SEV2`, `SEV3`, `SEV4`, `draft`, `in-review` or `final`',
        'Expected each alias to be 1 to 200 characters long',
      ],
    );
    const many = Object.fromEntries(Array.from({ length: 150 }, (_, i) => [`P${i}`, 'SEV1']));
    const bounded = resolve({ metadata: { aliases: many } });
    assert.equal(Object.keys(bounded.config.metadata.aliases).length, 100);
    assert.deepEqual(
      bounded.problems.map((problem) => problem.message),
      ['More than 100 aliases in `metadata.aliases`; the 50 after the first 100 are left out'],
    );
  });
});

describe('strictness', () => {
  test('the default: drafts as information, final raises four rules to errors', () => {
    assert.deepEqual(defaultConfig().strictness, {
      draft: 'info',
      final: {
        'required-sections': 'error',
        'empty-section': 'error',
        placeholder: 'error',
        'action-items': 'error',
      },
    });
  });

  test('statuses of the configured scale, `info` or severities by rule', () => {
    const { config, problems } = resolve({
      metadata: { statuses: ['wip', 'published'] },
      strictness: { wip: 'info', published: { placeholder: 'error' } },
    });
    assert.deepEqual(problems, []);
    assert.deepEqual(config.strictness, { wip: 'info', published: { placeholder: 'error' } });
  });

  test('an unknown status, rule or severity is reported', () => {
    assert.deepEqual(
      messages({ strictness: { done: 'info', final: { nope: 'error', placeholder: 'loud' } } }),
      [
        'Unknown status `done`; expected `draft`, `in-review` or `final` (`metadata.statuses`)',
        'Unknown rule `nope`; expected `required-sections`, `section-order`, `empty-section`, `placeholder`, `timeline-time`, `timeline-order`, `rca-evidence`, `metrics-consistency`, `metadata` or `action-items`',
        'Unknown severity for `placeholder`; expected `off`, `info`, `warning` or `error`',
      ],
    );
  });
});

describe('severitySections', () => {
  test('sections required and optional per severity', () => {
    const { config, problems } = resolve({
      severitySections: { SEV1: { required: ['lessons'] }, SEV4: { optional: ['lessons', 'rca'] } },
    });
    assert.deepEqual(problems, []);
    assert.deepEqual(config.severitySections, {
      SEV1: { required: ['lessons'], optional: [] },
      SEV4: { required: [], optional: ['lessons', 'rca'] },
    });
  });

  test('an unknown severity or section is reported', () => {
    assert.deepEqual(
      messages({ severitySections: { P1: {}, SEV2: { required: ['attendees'] } } }),
      [
        'Unknown severity `P1`; expected `SEV1`, `SEV2`, `SEV3` or `SEV4` (`metadata.severities`)',
        'Unknown value `attendees` in `severitySections.SEV2.required`; expected `summary`, `impact`, `timeline`, `rca`, `resolution`, `prevention` or `lessons`',
      ],
    );
  });
});

describe('followUps', () => {
  test('the defaults, and what a configuration changes', () => {
    assert.deepEqual(defaultConfig().followUps, {
      sections: ['prevention'],
      require: ['owner', 'due'],
      ticketPatterns: ['[A-Z][A-Z0-9]+-\\d+', '#\\d+'],
    });
    const { config, problems } = resolve({
      followUps: {
        sections: ['prevention', 'lessons'],
        require: ['ticket'],
        ticketPatterns: ['#\\d+'],
      },
    });
    assert.deepEqual(problems, []);
    assert.deepEqual(config.followUps, {
      sections: ['prevention', 'lessons'],
      require: ['ticket'],
      ticketPatterns: ['#\\d+'],
    });
  });

  test('a pattern that repeats a group, refers back or does not compile is refused', () => {
    assert.deepEqual(
      messages({
        followUps: { ticketPatterns: ['(a+)+', '(x)\\1', '[A-Z', 'OPS-\\d+'], require: ['who'] },
      }),
      [
        'Unknown value `who` in `followUps.require`; expected `owner`, `due` or `ticket`',
        'Cannot use the tracking-key pattern `(a+)+`: it repeats a group, which can make matching slow',
        'Cannot use the tracking-key pattern `(x)\\1`: it refers back to a group',
        `Cannot use the tracking-key pattern \`[A-Z\`: ${ticketPatternProblem('[A-Z')}`,
      ],
    );
    assert.equal(ticketPatternProblem('[A-Z][A-Z0-9]+-\\d+'), null);
    assert.match(ticketPatternProblem('x'.repeat(201))!, /longer than 200/);
  });
});
