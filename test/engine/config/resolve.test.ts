import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { ConfigProblem } from '../../../server/src/engine/config/problems';
import { resolveConfig } from '../../../server/src/engine/config/resolve';
import type { ConfigSource, ReadConfig } from '../../../server/src/engine/config/resolve';
import {
  DEFAULT_MILESTONE_KEYWORDS,
  defaultConfig,
} from '../../../server/src/engine/config/defaults';
import { dfds } from '../../../server/src/engine/sections/presets/dfds';
import { standard } from '../../../server/src/engine/sections/presets/standard';

const FILE = '/repo/.postmortemrc.json';

/** Where the `occurrence`-th `needle` is in `text`, as a problem's 1-based place. */
function placeOf(text: string, needle: string, occurrence = 1) {
  let offset = -1;
  for (let i = 0; i < occurrence; i++) offset = text.indexOf(needle, offset + 1);
  assert.notEqual(offset, -1, `${needle} not in text`);
  const place = (at: number) => {
    const before = text.slice(0, at).split('\n');
    return { line: before.length, column: before[before.length - 1]!.length + 1 };
  };
  const start = place(offset);
  const end = place(offset + needle.length);
  return { line: start.line, column: start.column, endLine: end.line, endColumn: end.column };
}

function problems(text: string, read?: ReadConfig): ConfigProblem[] {
  return resolveConfig(text, FILE, read).problems;
}

/** Asserts exactly one problem, at `needle` (its `occurrence`), with `message`. */
function assertOneProblem(text: string, needle: string, message: string, occurrence = 1) {
  assert.deepEqual(problems(text), [{ file: FILE, ...placeOf(text, needle, occurrence), message }]);
}

describe('resolveConfig: valid configurations', () => {
  test('an empty object is the default configuration', () => {
    assert.deepEqual(resolveConfig('{}', FILE), {
      config: defaultConfig(),
      problems: [],
      files: [FILE],
    });
  });

  test('every key at once', () => {
    const text = JSON.stringify({
      $schema: './schemas/postmortemrc.schema.json',
      extends: 'dfds',
      sections: ['summary', { id: 'timeline', title: 'Chronology of Events' }, 'rca', 'stats'],
      addAliases: { rca: ['Why it broke'] },
      optional: ['summary'],
      rules: { placeholder: 'off', 'rca-evidence': 'error' },
      milestoneKeywords: { detected: ['spotted'], resolved: [] },
      timeZone: 'CET',
      dateOrder: 'day-month',
    });
    const { config, problems: found } = resolveConfig(text, FILE);
    assert.deepEqual(found, []);
    const [summary, timeline, rca] = dfds.sections;
    assert.deepEqual(config.schema.sections, [
      { ...summary, required: false },
      { ...timeline, title: 'Chronology of Events', aliases: ['Timeline', ...timeline!.aliases] },
      { ...rca, aliases: [...rca!.aliases, 'Why it broke'] },
      dfds.sections.find((section) => section.id === 'stats'),
    ]);
    assert.deepEqual(config.rules, {
      ...defaultConfig().rules,
      placeholder: 'off',
      'rca-evidence': 'error',
    });
    assert.deepEqual(config.milestoneKeywords, {
      ...DEFAULT_MILESTONE_KEYWORDS,
      detected: ['spotted'],
      resolved: [],
    });
    assert.equal(config.timeZone, 'CET');
    assert.equal(config.dateOrder, 'day-month');
  });

  test('a new section gets required true, no aliases and an empty scaffold', () => {
    const text = '{ "sections": ["summary", { "id": "attendees", "title": "Attendees" }] }';
    assert.deepEqual(resolveConfig(text, FILE).config.schema.sections, [
      standard.sections[0],
      { id: 'attendees', title: 'Attendees', aliases: [], required: true, scaffold: '' },
    ]);
  });

  test('a renamed section keeps its old title as an alias', () => {
    const text = '{ "sections": [{ "id": "rca", "title": "Why It Broke" }] }';
    assert.deepEqual(resolveConfig(text, FILE).config.schema.sections, [
      {
        ...standard.sections[3],
        title: 'Why It Broke',
        aliases: ['Root Cause Analysis', ...standard.sections[3]!.aliases],
      },
    ]);
  });

  test('a section object changes only the fields it gives; aliases replace', () => {
    const text = JSON.stringify({
      sections: [{ id: 'rca', aliases: ['Why'], required: false, scaffold: '- ' }],
    });
    assert.deepEqual(resolveConfig(text, FILE).config.schema.sections, [
      { ...standard.sections[3], aliases: ['Why'], required: false, scaffold: '- ' },
    ]);
  });

  test('the presets are never changed by a configuration', () => {
    const before = JSON.stringify(standard);
    resolveConfig('{ "addAliases": { "rca": ["Why"] }, "optional": ["lessons"] }', FILE);
    resolveConfig('{ "sections": [{ "id": "rca", "title": "Why" }] }', FILE);
    assert.equal(JSON.stringify(standard), before);
  });

  test('timeZone null means no zone', () => {
    assert.equal(resolveConfig('{ "timeZone": null }', FILE).config.timeZone, null);
  });

  test('dateOrder: null reports unsettled dates; a wrong value keeps what is extended', () => {
    assert.equal(resolveConfig('{ "dateOrder": null }', FILE).config.dateOrder, null);
    assert.equal(resolveConfig('{ "dateOrder": "month-day" }', FILE).config.dateOrder, 'month-day');
    for (const [value, found] of [
      ['"dmy"', '`dmy`'],
      ['1', 'a number'],
    ]) {
      const { config, problems: found2 } = resolveConfig(`{ "dateOrder": ${value} }`, FILE);
      assert.equal(config.dateOrder, null);
      assert.deepEqual(
        found2.map((problem) => problem.message),
        [`Expected \`dateOrder\` to be \`day-month\`, \`month-day\` or \`null\`, found ${found}`],
      );
    }
  });

  test('timeZone takes IANA zones and links as Intl knows them, and every abbreviation', () => {
    for (const zone of ['US/Eastern', 'Europe/Copenhagen', 'Asia/Calcutta', 'ET', 'JST', 'IST']) {
      const resolved = resolveConfig(`{ "timeZone": "${zone}" }`, FILE);
      assert.deepEqual([resolved.config.timeZone, resolved.problems], [zone, []], zone);
    }
  });

  test('files and extensions: lists of globs and of extensions with their dot', () => {
    const { config, problems: found } = resolveConfig(
      '{ "files": ["docs/reports/**"], "extensions": [".mdx", ".md.erb"] }',
      FILE,
    );
    assert.deepEqual(found, []);
    assert.deepEqual([config.files, config.extensions], [['docs/reports/**'], ['.mdx', '.md.erb']]);
  });
});

describe('resolveConfig: JSON syntax', () => {
  test('a trailing comma, at the comma', () => {
    const text = '{\n  "rules": {\n    "placeholder": "off",\n  }\n}\n';
    assert.deepEqual(problems(text), [
      {
        file: FILE,
        line: 3,
        column: 25,
        endLine: 3,
        endColumn: 26,
        message: 'Unexpected trailing comma: not allowed in JSON',
      },
    ]);
  });

  test('a property name without quotes', () => {
    const text = '{ rules: {} }';
    assert.deepEqual(problems(text), [
      {
        file: FILE,
        line: 1,
        column: 3,
        endLine: 1,
        endColumn: 8,
        message: 'Unexpected characters; expected a JSON value or a name in double quotes',
      },
    ]);
  });

  test('a syntax error never quotes the text (the file may be a secret, not configuration)', () => {
    const text = 'API_TOKEN=s3cr3t-v4lu3\n';
    const [problem] = problems(text);
    assert.deepEqual(
      { ...problem, message: undefined },
      { file: FILE, line: 1, column: 1, endLine: 1, endColumn: 23, message: undefined },
    );
    assert.ok(!/API|TOKEN|s3cr3t/.test(problem!.message), problem!.message);
  });

  test('nesting deeper than 32 levels is a problem at the first bracket too deep, not a crash', () => {
    const text = `{ "rules": ${'['.repeat(200_000)}${']'.repeat(200_000)} }`;
    const resolved = resolveConfig(text, FILE);
    assert.deepEqual(resolved.problems, [
      {
        file: FILE,
        line: 1,
        column: 12 + 31,
        endLine: 1,
        endColumn: 13 + 31,
        message: 'Nested more than 32 levels deep',
      },
    ]);
    assert.deepEqual(resolved.config, defaultConfig());
    // Brackets inside strings do not count.
    assert.deepEqual(problems(`{ "files": ["${'['.repeat(100)}"] }`), []);
  });

  test('a comment', () => {
    const text = '{\n  // team settings\n  "timeZone": "UTC"\n}';
    assert.deepEqual(problems(text), [
      {
        file: FILE,
        line: 2,
        column: 3,
        endLine: 2,
        endColumn: 19,
        message: 'Unexpected comment: comments are not allowed in JSON',
      },
    ]);
  });

  test('only the first syntax error: the later ones follow from it', () => {
    const text = '{\n  "extends": "standard"\n  "timeZone": "UTC"\n';
    assert.deepEqual(problems(text), [
      { file: FILE, line: 3, column: 3, endLine: 3, endColumn: 13, message: 'Expected `,`' },
    ]);
  });

  test('a missing closing brace, at the end', () => {
    assert.deepEqual(problems('{ "timeZone": "UTC"\n'), [
      { file: FILE, line: 2, column: 1, endLine: 2, endColumn: 1, message: 'Expected `}`' },
    ]);
  });

  test('an empty file', () => {
    assert.deepEqual(problems(''), [
      {
        file: FILE,
        line: 1,
        column: 1,
        endLine: 1,
        endColumn: 1,
        message: 'Expected a JSON object, found an empty file',
      },
    ]);
  });

  test('malformed JSON is not used at all: the defaults apply', () => {
    const { config } = resolveConfig('{ "rules": { "placeholder": "off" }, }', FILE);
    assert.deepEqual(config, defaultConfig());
  });
});

describe('resolveConfig: problems at their place', () => {
  test('a top level that is not an object', () => {
    assertOneProblem(
      '["standard"]',
      '["standard"]',
      'Expected the configuration to be an object, found an array',
    );
  });

  test('an unknown key, at the key', () => {
    assertOneProblem(
      '{\n  "rule": { "placeholder": "off" }\n}',
      '"rule"',
      'Unknown key `rule`; expected `extends`, `sections`, `addAliases`, `optional`, `rules`, `milestoneKeywords`, `timeZone`, `dateOrder`, `files`, `extensions`, `metadata`, `strictness`, `severitySections` or `followUps`',
    );
  });

  test('a duplicate key, at the second one; the first one is used', () => {
    const text = '{ "timeZone": "UTC", "timeZone": "CET" }';
    assertOneProblem(text, '"timeZone"', 'Duplicate key `timeZone`', 2);
    assert.equal(resolveConfig(text, FILE).config.timeZone, 'UTC');
  });

  test('files: not an array, an empty glob and one that is not supported, at their place', () => {
    assertOneProblem(
      '{ "files": "docs/**" }',
      '"docs/**"',
      'Expected `files` to be an array of strings, found a string',
    );
    const text = '{ "files": ["docs/**", " "] }';
    assertOneProblem(
      text,
      '" "',
      'Expected each item of `files` to be a glob such as `docs/incidents/**`, found ` `, which is empty',
    );
    assert.deepEqual(resolveConfig(text, FILE).config.files, ['docs/**']);
    const extended = '{ "files": ["**/@(a|a+)+b"] }';
    assertOneProblem(
      extended,
      '"**/@(a|a+)+b"',
      'Expected each item of `files` to be a glob such as `docs/incidents/**`, found `**/@(a|a+)+b`, which uses `(`: extended globs, parentheses and `|` are not supported (braces are: `{a,b}`)',
    );
    assert.deepEqual(resolveConfig(extended, FILE).config.files, []);
  });

  test('extensions: one without its dot, at the item', () => {
    assertOneProblem(
      '{ "extensions": ["mdx"] }',
      '"mdx"',
      'Expected each item of `extensions` to be an extension with its dot, such as `.mdx` or `.md.erb`, found `mdx`',
    );
  });

  test('rules: not an object', () => {
    assertOneProblem(
      '{ "rules": ["placeholder"] }',
      '["placeholder"]',
      'Expected `rules` to be an object, found an array',
    );
  });

  test('rules: an unknown rule id, at the key; the other rules still apply', () => {
    const text = '{\n  "rules": {\n    "placeholders": "off",\n    "placeholder": "info"\n  }\n}';
    assertOneProblem(
      text,
      '"placeholders"',
      'Unknown rule `placeholders`; expected `required-sections`, `section-order`, `empty-section`, `placeholder`, `timeline-time`, `timeline-order`, `rca-evidence`, `metrics-consistency`, `metadata` or `action-items`',
    );
    assert.equal(resolveConfig(text, FILE).config.rules.placeholder, 'info');
  });

  test('rules: an unknown severity, at the value; the rule keeps its default', () => {
    const text = '{ "rules": { "placeholder": "warn" } }';
    assertOneProblem(
      text,
      '"warn"',
      'Unknown severity `warn` for `placeholder`; expected `off`, `info`, `warning` or `error`',
    );
    assert.equal(
      resolveConfig(text, FILE).config.rules.placeholder,
      defaultConfig().rules.placeholder,
    );
  });

  test('rules: a severity of the wrong type', () => {
    assertOneProblem(
      '{ "rules": { "placeholder": 0 } }',
      '0',
      'Unknown severity a number for `placeholder`; expected `off`, `info`, `warning` or `error`',
    );
  });

  test('extends: an unknown preset, at the value; the default schema applies', () => {
    const text = '{ "extends": "sre" }';
    assertOneProblem(
      text,
      '"sre"',
      'Unknown preset `sre`; expected one of `standard`, `google-sre`, `dfds`, `elastic`, or a path to a `.json` file',
    );
    assert.deepEqual(resolveConfig(text, FILE).config, defaultConfig());
  });

  test('extends: not a string', () => {
    assertOneProblem(
      '{ "extends": ["standard"] }',
      '["standard"]',
      'Expected `extends` to be a string, found an array',
    );
  });

  test('extends: a path where files cannot be read', () => {
    assertOneProblem(
      '{ "extends": "./base.json" }',
      '"./base.json"',
      'Cannot extend `./base.json`: files cannot be read here',
    );
  });

  test('sections: not an array', () => {
    assertOneProblem(
      '{ "sections": "summary" }',
      '"summary"',
      'Expected `sections` to be an array, found a string',
    );
  });

  test('sections: an unknown id', () => {
    assertOneProblem(
      '{ "sections": ["summary", "attendees"] }',
      '"attendees"',
      'Unknown section `attendees`; expected `summary`, `impact`, `timeline`, `rca`, `resolution`, `prevention` or `lessons`, or an object with a `title` to add a section',
    );
  });

  test('sections: a new section without a title, at its id', () => {
    assertOneProblem(
      '{ "sections": [{ "id": "attendees" }] }',
      '"attendees"',
      'New section `attendees` needs a `title`',
    );
  });

  test('sections: an object without an id', () => {
    assertOneProblem(
      '{ "sections": [{ "title": "Attendees" }] }',
      '{ "title": "Attendees" }',
      'Expected an `id` in the section object',
    );
  });

  test('sections: an id listed twice, at the second', () => {
    assertOneProblem(
      '{ "sections": ["summary", "impact", "summary"] }',
      '"summary"',
      'Section `summary` is listed more than once',
      2,
    );
  });

  test('sections: at most 200, read in one pass (40,000 are not checked pairwise)', () => {
    const items = Array.from({ length: 40_000 }, (_, i) => `{ "id": "s${i}", "title": "S ${i}" }`);
    const text = `{ "sections": [${items.join(', ')}] }`;
    const resolved = resolveConfig(text, FILE);
    assert.deepEqual(resolved.problems, [
      {
        file: FILE,
        ...placeOf(text, '{ "id": "s200", "title": "S 200" }'),
        message: 'More than 200 items in `sections`; the 39800 after the first 200 are left out',
      },
    ]);
    assert.equal(resolved.config.schema.sections.length, 200);
  });

  test('sections: aliases at most 100 per list, names at most 200 characters', () => {
    const aliases = Array.from({ length: 101 }, (_, i) => `"Alias ${i}"`);
    assert.deepEqual(
      problems(`{ "addAliases": { "summary": [${aliases.join(', ')}] } }`).map((p) => p.message),
      ['More than 100 items in `addAliases.summary`; the 1 after the first 100 are left out'],
    );
    // A key given again (900 times, say) adds nothing: each section keeps a bounded list.
    const again = Array.from({ length: 900 }, (_, i) => `"summary": ["Again ${i}"]`);
    const resolved = resolveConfig(`{ "addAliases": { ${again.join(', ')} } }`, FILE);
    assert.equal(resolved.problems.length, 899);
    assert.equal(resolved.problems[0]!.message, 'Duplicate key `summary`');
    const summary = resolved.config.schema.sections.find((section) => section.id === 'summary');
    assert.equal(summary!.aliases.at(-1), 'Again 0');
    const long = `"${'T'.repeat(201)}"`;
    assertOneProblem(
      `{ "sections": [{ "id": "extra", "title": ${long} }] }`,
      long,
      'Expected `title` to be at most 200 characters long',
    );
  });

  test('sections: an item of the wrong type', () => {
    assertOneProblem(
      '{ "sections": [1] }',
      '1',
      'Expected a section id or a section object, found a number',
    );
  });

  test('sections: an unknown key in a section object', () => {
    assertOneProblem(
      '{ "sections": [{ "id": "rca", "name": "Why" }] }',
      '"name"',
      'Unknown key `name` in a section; expected `id`, `title`, `aliases`, `required` or `scaffold`',
    );
  });

  test('sections: fields of the wrong type, each reported, the rest applied', () => {
    const text =
      '{ "sections": [{ "id": "rca", "title": "", "aliases": "Why", "required": "no", "scaffold": 1 }] }';
    assert.deepEqual(
      problems(text).map((p) => p.message),
      [
        'Expected `title` to be a non-empty string',
        'Expected `aliases` to be an array of strings, found a string',
        'Expected `required` to be a boolean, found a string',
        'Expected `scaffold` to be a string, found a number',
      ],
    );
    assert.deepEqual(resolveConfig(text, FILE).config.schema.sections, [
      { ...standard.sections[3], aliases: [] },
    ]);
  });

  test('sections: a name that another section already has', () => {
    assertOneProblem(
      '{ "sections": ["timeline", { "id": "resolution", "aliases": ["Chronology"] }] }',
      '"Chronology"',
      '`Chronology` names both `resolution` and `timeline`; headings with it match `timeline`, the earlier section',
    );
  });

  test('sections: a name that normalizes to nothing', () => {
    assertOneProblem(
      '{ "addAliases": { "lessons": ["🔥"] } }',
      '"🔥"',
      '`🔥` matches no heading: nothing is left of it once normalized',
    );
  });

  test('addAliases: an unknown section, at the key', () => {
    assertOneProblem(
      '{ "sections": ["summary"], "addAliases": { "rca": ["Why"] } }',
      '"rca"',
      'Unknown section `rca`; expected `summary`',
    );
  });

  test('addAliases: not an object, and an alias of the wrong type', () => {
    assertOneProblem(
      '{ "addAliases": ["Why"] }',
      '["Why"]',
      'Expected `addAliases` to be an object, found an array',
    );
    assertOneProblem(
      '{ "addAliases": { "rca": [true] } }',
      'true',
      'Expected each of `addAliases.rca` to be a string, found a boolean',
    );
  });

  test('optional: an unknown section, at the item', () => {
    assertOneProblem(
      '{ "optional": ["lesson"] }',
      '"lesson"',
      'Unknown section `lesson`; expected `summary`, `impact`, `timeline`, `rca`, `resolution`, `prevention` or `lessons`',
    );
  });

  test('milestoneKeywords: an unknown milestone, at the key', () => {
    assertOneProblem(
      '{ "milestoneKeywords": { "start": ["began"] } }',
      '"start"',
      'Unknown milestone `start`; expected `detected`, `acknowledged`, `mitigated` or `resolved`',
    );
  });

  test('milestoneKeywords: not a list, and an empty keyword', () => {
    assertOneProblem(
      '{ "milestoneKeywords": { "detected": "alert" } }',
      '"alert"',
      'Expected `milestoneKeywords.detected` to be an array of strings, found a string',
    );
    const text = '{ "milestoneKeywords": { "detected": ["alert", " "] } }';
    assertOneProblem(
      text,
      '" "',
      'Expected each keyword of `detected` to be a non-empty string, found an empty string',
    );
    assert.deepEqual(resolveConfig(text, FILE).config.milestoneKeywords.detected, ['alert']);
  });

  test('milestoneKeywords: at most 100 per milestone, each at most 200 characters', () => {
    const many = Array.from({ length: 33_000 }, (_, i) => `"kw${i}"`);
    const text = `{ "milestoneKeywords": { "detected": [${many.join(', ')}] } }`;
    const resolved = resolveConfig(text, FILE);
    assert.deepEqual(resolved.problems, [
      {
        file: FILE,
        ...placeOf(text, '"kw100"'),
        message:
          'More than 100 items in `milestoneKeywords.detected`; the 32900 after the first 100 are left out',
      },
    ]);
    assert.equal(resolved.config.milestoneKeywords.detected.length, 100);
    const long = `"${'x'.repeat(201)}"`;
    assertOneProblem(
      `{ "milestoneKeywords": { "resolved": ["fixed", ${long}] } }`,
      long,
      'Expected each keyword of `resolved` to be at most 200 characters long',
    );
  });

  test('timeZone: an unknown zone, and a zone of the wrong type', () => {
    assertOneProblem(
      '{ "timeZone": "Mars/Olympus" }',
      '"Mars/Olympus"',
      'Unknown time zone `Mars/Olympus`; expected a zone such as `UTC`, `CET`, `+01:00` or `Europe/Copenhagen`, or `null`',
    );
    assertOneProblem(
      '{ "timeZone": 1 }',
      '1',
      'Expected `timeZone` to be a zone such as `UTC`, `CET`, `+01:00` or `Europe/Copenhagen`, or `null`, found a number',
    );
  });

  test('positions count lines ended by CRLF', () => {
    const text = '{\r\n  "rules": {\r\n    "nope": "off"\r\n  }\r\n}\r\n';
    assert.deepEqual(
      problems(text).map(({ line, column, endLine, endColumn }) => ({
        line,
        column,
        endLine,
        endColumn,
      })),
      [{ line: 3, column: 5, endLine: 3, endColumn: 11 }],
    );
  });
});

describe('resolveConfig: extends files', () => {
  /** A reader over in-memory files, by absolute name; paths resolve against `/repo`. */
  function reader(files: Record<string, string>): ReadConfig {
    return (reference: string, fromFile: string): ConfigSource => {
      const folder = fromFile.slice(0, fromFile.lastIndexOf('/'));
      const fileName = reference.startsWith('./') ? `${folder}/${reference.slice(2)}` : reference;
      const text = files[fileName];
      return text === undefined
        ? { fileName, error: 'no such file or directory' }
        : { fileName, text };
    };
  }

  test('a file extends another; its settings apply under the extending ones', () => {
    const read = reader({
      '/repo/base.json':
        '{ "extends": "dfds", "rules": { "placeholder": "off", "rca-evidence": "info" } }',
    });
    const text =
      '{ "extends": "./base.json", "rules": { "rca-evidence": "error" }, "optional": ["lessons"] }';
    const resolved = resolveConfig(text, FILE, read);
    assert.deepEqual(resolved.problems, []);
    assert.deepEqual(resolved.files, [FILE, '/repo/base.json']);
    assert.equal(resolved.config.rules.placeholder, 'off');
    assert.equal(resolved.config.rules['rca-evidence'], 'error');
    assert.deepEqual(
      resolved.config.schema.sections.map((s) => `${s.id}:${s.required}`),
      [
        'summary:true',
        'timeline:true',
        'rca:true',
        'prevention:true',
        'lessons:false',
        'attendees:false',
        'stats:false',
      ],
    );
  });

  test('problems in the extended file are reported in that file', () => {
    const read = reader({ '/repo/base.json': '{\n  "rules": { "nope": "off" }\n}' });
    assert.deepEqual(problems('{ "extends": "./base.json" }', read), [
      {
        file: '/repo/base.json',
        line: 2,
        column: 14,
        endLine: 2,
        endColumn: 20,
        message:
          'Unknown rule `nope`; expected `required-sections`, `section-order`, `empty-section`, `placeholder`, `timeline-time`, `timeline-order`, `rca-evidence`, `metrics-consistency`, `metadata` or `action-items`',
      },
    ]);
  });

  test('a file that cannot be read, at the extends value', () => {
    const text = '{ "extends": "./missing.json" }';
    assert.deepEqual(problems(text, reader({})), [
      {
        file: FILE,
        ...placeOf(text, '"./missing.json"'),
        message: 'Cannot read `./missing.json`: no such file or directory',
      },
    ]);
  });

  test('a file that extends itself is a cycle, not a crash', () => {
    const text = '{ "extends": "./.postmortemrc.json", "timeZone": "UTC" }';
    const resolved = resolveConfig(text, FILE, reader({ [FILE]: text }));
    assert.deepEqual(resolved.problems, [
      {
        file: FILE,
        ...placeOf(text, '"./.postmortemrc.json"'),
        message: '`extends` makes a cycle: `/repo/.postmortemrc.json` → `/repo/.postmortemrc.json`',
      },
    ]);
    assert.equal(resolved.config.timeZone, 'UTC');
  });

  test('a cycle further down the chain is reported once, where it closes', () => {
    const read = reader({
      '/repo/a.json': '{ "extends": "./b.json" }',
      '/repo/b.json': '{ "extends": "./a.json" }',
    });
    assert.deepEqual(
      problems('{ "extends": "./a.json" }', read).map((p) => [p.file, p.message]),
      [
        [
          '/repo/b.json',
          '`extends` makes a cycle: `/repo/a.json` → `/repo/b.json` → `/repo/a.json`',
        ],
      ],
    );
  });

  test('a chain of 1,800 files stops at 32, where it goes deeper, and the rest still applies', () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 1800; i++) {
      files[`/repo/c${i}.json`] = `{ "extends": "./c${i + 1}.json", "timeZone": "UTC" }`;
    }
    const text = '{ "extends": "./c0.json" }';
    const resolved = resolveConfig(text, FILE, reader(files));
    assert.deepEqual(
      resolved.problems.map((p) => [p.file, p.message]),
      [['/repo/c30.json', 'Cannot extend `./c31.json`: `extends` goes more than 32 files deep']],
    );
    assert.equal(resolved.files.length, 32);
    assert.equal(resolved.config.timeZone, 'UTC');
  });

  test('an indirect cycle is reported where it closes', () => {
    const a = '{ "extends": "./b.json" }';
    const b = '{ "extends": "./a.json" }';
    const read = reader({ '/repo/a.json': a, '/repo/b.json': b });
    const found = resolveConfig(a, '/repo/a.json', read).problems;
    assert.deepEqual(found, [
      {
        file: '/repo/b.json',
        ...placeOf(b, '"./a.json"'),
        message: '`extends` makes a cycle: `/repo/a.json` → `/repo/b.json` → `/repo/a.json`',
      },
    ]);
  });
});
