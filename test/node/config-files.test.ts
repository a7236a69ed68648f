import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import {
  configForDocument,
  findConfigFile,
  loadConfigFile,
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
