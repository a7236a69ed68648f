/** `postmortem-lint --jobs`: analysing in worker threads gives what one thread gives. */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { analyzeInWorkers, workerCount } from '../../server/src/cli/pool';
import { defaultConfig } from '../../server/src/engine/config/defaults';
import type { LintConfig } from '../../server/src/engine/model';
import { buildBundles } from '../helpers/build';
import { cliPath, runCli } from '../helpers/cli';
import { repoRoot } from '../helpers/paths';

const sample = readFileSync(join(repoRoot, 'examples', 'sample-postmortem.md'), 'utf8');

function run(args: string[], cwd: string) {
  return runCli(args, { cwd });
}

let scratch: string;

before(() => {
  buildBundles('cli');
  scratch = mkdtempSync(join(tmpdir(), 'postmortem-jobs-'));
  mkdirSync(join(scratch, 'reports'));
  // The sample, and variants with findings: rows out of order, a section dropped.
  for (let i = 0; i < 120; i++) {
    let text = sample;
    if (i % 3 === 1) text = text.replace('| 1:10 PM |', '| 1:20 PM |');
    if (i % 5 === 2) text = text.replace(/## 7\. Lessons Learned[^]*$/, '');
    writeFileSync(join(scratch, 'reports', `report-${String(i).padStart(3, '0')}.md`), text);
  }
});

after(() => rmSync(scratch, { recursive: true, force: true }));

describe('--jobs', () => {
  test('two workers print what one thread prints, files in order', () => {
    const one = run(['--format', 'json', '--jobs', '1', 'reports'], scratch);
    const two = run(['--format', 'json', '--jobs', '2', 'reports'], scratch);
    assert.equal(two.stderr, '');
    assert.equal(two.status, 1);
    assert.equal(two.stdout, one.stdout);
    const output = JSON.parse(two.stdout) as {
      files: { path: string; diagnostics: { rule: string }[] }[];
    };
    assert.equal(output.files.length, 120);
    assert.equal(output.files[1]!.path, 'reports/report-001.md');
    assert.deepEqual(
      output.files.slice(0, 3).map((file) => file.diagnostics.map((d) => d.rule)),
      [[], ['timeline-order'], ['required-sections']],
    );
  });

  test('a value that is not a whole number from 1 to 64 is a usage error', () => {
    for (const value of ['0', '65', '1.5', 'many']) {
      const result = run(['--jobs', value, 'reports'], scratch);
      assert.equal(result.status, 2);
      assert.equal(
        result.stderr,
        `postmortem-lint: Invalid \`--jobs\` value \`${value}\`; expected a whole number from 1 to 64\nRun \`postmortem-lint --help\` for usage.\n`,
      );
    }
  });
});

describe('workerCount', () => {
  test('one worker per core only when there are many files', () => {
    assert.equal(workerCount(40, null), 0);
    const cores = availableParallelism();
    assert.equal(workerCount(10_000, null), cores > 1 ? cores : 0);
    assert.equal(workerCount(10_000, 1), 0);
    assert.equal(workerCount(10_000, 3), 3);
    assert.equal(workerCount(2, 4), 2);
    assert.equal(workerCount(1, 4), 0);
  });
});

describe('analyzeInWorkers', () => {
  test('a task that throws in a worker fails alone; the others are analysed, in order', async () => {
    const good = { text: sample, config: defaultConfig(), applicability: null };
    // No configuration: the engine throws on it, as it would on any internal error.
    const bad = { text: sample, config: null as unknown as LintConfig, applicability: null };
    const outcomes = await analyzeInWorkers([good, bad, good, good], 2, cliPath);
    assert.deepEqual(
      outcomes.map((outcome) => ('error' in outcome ? 'error' : outcome.findings.length)),
      [0, 'error', 0, 0],
    );
  });
});
