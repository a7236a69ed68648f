/** `postmortem-lint --jobs`: analysing in worker threads gives what one thread gives. */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { analyzeInPool, outcomeOf, workerCount } from '../../server/src/cli/pool';
import type { AnalysisOutcome, AnalysisTask } from '../../server/src/cli/pool';
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
  test('this thread and workers print what one thread prints, files in order', () => {
    const one = run(['--format', 'json', '--jobs', '1', 'reports'], scratch);
    const two = run(['--format', 'json', '--jobs', '2', 'reports'], scratch);
    const three = run(['--format', 'json', '--jobs', '3', 'reports'], scratch);
    assert.equal(two.stderr, '');
    assert.equal(two.status, 1);
    assert.equal(two.stdout, one.stdout);
    assert.equal(three.stdout, one.stdout);
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
  test('workers beside this thread: one per core in all only when there are many files', () => {
    assert.equal(workerCount(40, null), 0);
    const cores = availableParallelism();
    assert.equal(workerCount(10_000, null), cores - 1);
    assert.equal(workerCount(10_000, 1), 0);
    assert.equal(workerCount(10_000, 3), 2);
    assert.equal(workerCount(2, 4), 1);
    assert.equal(workerCount(1, 4), 0);
  });
});

const good: AnalysisTask = { text: sample, config: defaultConfig(), applicability: null };
/** Findings of each outcome, or `error` and its message. */
const digest = (outcomes: AnalysisOutcome[]) =>
  outcomes.map((outcome) => ('error' in outcome ? `error: ${outcome.error}` : outcome.findings));

/** A worker script that says it is ready, then dies on its first task as `die` says. */
function dyingWorker(die: string): string {
  const file = join(scratch, `dying-${Math.random().toString(36).slice(2)}.cjs`);
  writeFileSync(
    file,
    `const { parentPort } = require('node:worker_threads');
parentPort.on('message', () => { ${die} });
parentPort.postMessage('ready');
`,
  );
  return file;
}

/** This thread's analysis, slowed so that a worker surely starts before the queue is empty. */
function slowly(counter: { here: number }) {
  return (task: AnalysisTask) => {
    counter.here++;
    const until = Date.now() + 20;
    while (Date.now() < until);
    return outcomeOf(task) as Exclude<AnalysisOutcome, { error: string }>;
  };
}

describe('analyzeInPool', () => {
  test('this thread and a worker give the outcomes one thread gives, in order', async () => {
    const tasks = Array.from({ length: 40 }, (_, i) =>
      i % 3 === 1 ? { ...good, text: sample.replace('| 1:10 PM |', '| 1:20 PM |') } : good,
    );
    const counter = { here: 0 };
    const outcomes = await analyzeInPool(tasks, {
      workers: 1,
      script: cliPath,
      analyzeHere: slowly(counter),
    });
    assert.deepEqual(digest(outcomes), digest(tasks.map((task) => outcomeOf(task))));
    // Both took files from the queue.
    assert.ok(counter.here > 0 && counter.here < tasks.length, `${counter.here} here`);
  });

  test('a task that throws fails alone, wherever it runs; the others are analysed, in order', async () => {
    // No configuration: the engine throws on it, as it would on any internal error.
    const bad = { text: sample, config: null as unknown as LintConfig, applicability: null };
    const outcomes = await analyzeInPool([good, bad, good, good], { workers: 2, script: cliPath });
    assert.deepEqual(
      outcomes.map((outcome) => ('error' in outcome ? 'error' : outcome.findings.length)),
      [0, 'error', 0, 0],
    );
  });

  for (const [how, die, message] of [
    ['throws', "throw new Error('the worker broke')", 'the worker broke'],
    ['exits', 'process.exit(3)', 'the worker thread analysing it stopped (exit code 3)'],
  ] as const) {
    test(`a worker that ${how} fails the tasks it held; this thread does the rest`, async () => {
      const tasks = Array.from({ length: 30 }, () => good);
      const counter = { here: 0 };
      const outcomes = await analyzeInPool(tasks, {
        workers: 1,
        script: dyingWorker(die),
        analyzeHere: slowly(counter),
      });
      const failed = outcomes.filter((outcome) => 'error' in outcome);
      // The worker held two tasks when it died.
      assert.deepEqual(digest(failed), [`error: ${message}`, `error: ${message}`]);
      assert.equal(counter.here, tasks.length - failed.length);
      const [alone] = digest([outcomeOf(good)]);
      for (const analysed of digest(outcomes.filter((outcome) => !('error' in outcome)))) {
        assert.deepEqual(analysed, alone);
      }
    });
  }
});
