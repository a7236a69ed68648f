import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import {
  configForDocument,
  findConfigFile,
  loadConfigFile,
  MAX_CONFIG_BYTES,
  resolveSettings,
} from '../../server/src/node/config-files';
import { CONFIG_FILE_NAME } from '../../server/src/engine';
import { defaultConfig } from '../../server/src/engine/config/defaults';
import { fixturesDir } from '../helpers/paths';

const fixtures = join(fixturesDir, 'config');

test('findConfigFile: the nearest file from a folder upward', () => {
  const expected = join(fixtures, 'team', CONFIG_FILE_NAME);
  assert.equal(findConfigFile(join(fixtures, 'team', 'reports', '2025')), expected);
  assert.equal(findConfigFile(join(fixtures, 'team')), expected);
});

test('findConfigFile: null when no folder up to the root has one', () => {
  const folder = mkdtempSync(join(tmpdir(), 'postmortem-noconfig-'));
  try {
    assert.equal(findConfigFile(folder), null);
    assert.deepEqual(configForDocument(join(folder, 'report.md')), {
      config: defaultConfig(),
      problems: [],
      files: [],
      file: null,
    });
  } finally {
    rmSync(folder, { recursive: true });
  }
});

test('configForDocument: extends a file relative to the extending one, which extends a preset', () => {
  const resolved = configForDocument(join(fixtures, 'team', 'reports', '2025', 'queue-backlog.md'));
  assert.equal(resolved.file, join(fixtures, 'team', CONFIG_FILE_NAME));
  assert.deepEqual(resolved.problems, []);
  assert.deepEqual(resolved.files, [
    join(fixtures, 'team', CONFIG_FILE_NAME),
    join(fixtures, 'team', 'base', 'team.json'),
  ]);
  assert.equal(resolved.config.rules.placeholder, 'off');
  assert.equal(resolved.config.timeZone, 'CET');
  assert.deepEqual(
    resolved.config.schema.sections.map((section) => `${section.id}:${section.required}`),
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

test('loadConfigFile: a cycle through files is a problem, and the rest still applies', () => {
  const file = join(fixtures, 'cycle', CONFIG_FILE_NAME);
  const resolved = loadConfigFile(file);
  const a = join(fixtures, 'cycle', 'a.json');
  assert.deepEqual(resolved.problems, [
    {
      file: a,
      line: 1,
      column: 14,
      endLine: 1,
      endColumn: 36,
      message: `\`extends\` makes a cycle: \`${file}\` → \`${a}\` → \`${file}\``,
    },
  ]);
  assert.equal(resolved.config.timeZone, 'UTC');
});

test('loadConfigFile: malformed JSON is a problem at its place, and the defaults apply', () => {
  const file = join(fixtures, 'broken', CONFIG_FILE_NAME);
  assert.deepEqual(loadConfigFile(file), {
    config: defaultConfig(),
    problems: [
      {
        file,
        line: 3,
        column: 25,
        endLine: 3,
        endColumn: 26,
        message: 'Unexpected trailing comma: not allowed in JSON',
      },
    ],
    files: [file],
  });
});

test('loadConfigFile: a file that cannot be read is a problem on its first line', () => {
  const file = join(fixtures, 'missing.json');
  assert.deepEqual(loadConfigFile(file).problems, [
    {
      file,
      line: 1,
      column: 1,
      endLine: 1,
      endColumn: 1,
      message: `Cannot read \`${file}\`: no such file or directory`,
    },
  ]);
});

describe('reading configuration files safely', () => {
  let top: string;
  let repo: string;
  before(() => {
    // `top/outside.json` and `top/repo/` (a repository), with a report's folder below it.
    top = mkdtempSync(join(tmpdir(), 'postmortem-config-safety-'));
    repo = join(top, 'repo');
    mkdirSync(join(repo, '.git'), { recursive: true });
    mkdirSync(join(repo, 'docs'));
    writeFileSync(join(top, 'outside.json'), '{ "timeZone": "UTC" }');
    writeFileSync(join(top, CONFIG_FILE_NAME), '{ "timeZone": "UTC" }');
  });
  after(() => rmSync(top, { recursive: true, force: true }));

  /** The messages of the configuration `{ "extends": reference }` in the repository. */
  function extendsProblems(reference: string): string[] {
    const file = join(repo, CONFIG_FILE_NAME);
    writeFileSync(file, JSON.stringify({ extends: reference }));
    return loadConfigFile(file).problems.map((problem) => problem.message);
  }

  const outside = (reference: string) =>
    `Cannot read \`${reference}\`: outside the repository \`${repo}\`, where configuration files are read`;

  test('the nearest file is looked for up to the repository root, not above it', () => {
    assert.equal(findConfigFile(join(repo, 'docs')), null);
    assert.equal(findConfigFile(top), join(top, CONFIG_FILE_NAME));
  });

  test('extends: a path or a link out of the repository is not read, nor said to exist', () => {
    assert.deepEqual(extendsProblems('../outside.json'), [outside('../outside.json')]);
    assert.deepEqual(extendsProblems('../../../../../../../etc/passwd.json'), [
      outside('../../../../../../../etc/passwd.json'),
    ]);
    assert.deepEqual(extendsProblems('/dev/zero'), [outside('/dev/zero')]);
    symlinkSync(join(top, 'outside.json'), join(repo, 'link.json'));
    symlinkSync('/dev/zero', join(repo, 'zero.json'));
    assert.deepEqual(extendsProblems('./link.json'), [outside('./link.json')]);
    assert.deepEqual(extendsProblems('./zero.json'), [outside('./zero.json')]);
  });

  test('extends: a FIFO is not opened for long, a folder is not a file', () => {
    execFileSync('mkfifo', [join(repo, 'fifo.json')]);
    assert.deepEqual(extendsProblems('./fifo.json'), [
      'Cannot read `./fifo.json`: not a regular file',
    ]);
    mkdirSync(join(repo, 'folder.json'));
    assert.deepEqual(extendsProblems('./folder.json'), [
      'Cannot read `./folder.json`: not a regular file',
    ]);
  });

  test('extends: a file over 1 MB, or not UTF-8, is not read', () => {
    writeFileSync(join(repo, 'large.json'), `{ "x": "${'a'.repeat(MAX_CONFIG_BYTES)}" }`);
    assert.deepEqual(extendsProblems('./large.json'), [
      'Cannot read `./large.json`: larger than 1 MB',
    ]);
    writeFileSync(join(repo, 'latin1.json'), Buffer.from('{ "timeZone": "caf\xe9" }', 'latin1'));
    assert.deepEqual(extendsProblems('./latin1.json'), [
      'Cannot read `./latin1.json`: not UTF-8 text (line 1, column 19)',
    ]);
  });

  test('extends: a file that is not configuration is never quoted', () => {
    writeFileSync(join(repo, 'secrets.json'), 'DEPLOY_TOKEN=ghp_abcdef0123456789\n');
    const file = join(repo, CONFIG_FILE_NAME);
    writeFileSync(file, JSON.stringify({ extends: './secrets.json' }));
    const { problems } = loadConfigFile(file);
    assert.deepEqual(
      problems.map(({ file: where, line, column }) => [where, line, column]),
      [[join(repo, 'secrets.json'), 1, 1]],
    );
    assert.ok(!/DEPLOY|ghp_/.test(problems[0]!.message), problems[0]!.message);
  });
});

test('resolveSettings: outside a repository, settings over the nearest file above their folder', () => {
  const top = mkdtempSync(join(tmpdir(), 'postmortem-settings-'));
  try {
    mkdirSync(join(top, 'reports'));
    writeFileSync(join(top, CONFIG_FILE_NAME), '{ "timeZone": "UTC" }');
    const resolved = resolveSettings({ rules: { placeholder: 'off' } }, join(top, 'reports'), 'x');
    assert.deepEqual(resolved.problems, []);
    assert.equal(resolved.config.timeZone, 'UTC');
    assert.equal(resolved.config.rules.placeholder, 'off');
  } finally {
    rmSync(top, { recursive: true, force: true });
  }
});
