import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { describe, test } from 'node:test';
import {
  OLD_GENERATION_FLAG,
  SERVER_HEAP_FLAG,
  TIERING_FLAG,
  setUnlessGiven,
} from '../../server/src/node/v8-flags';
import { repoRoot } from '../helpers/paths';

/** What `script` prints, run with `options` in a Node process of its own at the repository. */
function run(script: string, options: string[] = []): string {
  const result = spawnSync(process.execPath, [...options, '--import', 'tsx', '--eval', script], {
    cwd: repoRoot,
    encoding: 'utf8',
  });
  assert.equal(result.status, 0, result.stderr);
  return result.stdout;
}

describe('setUnlessGiven', () => {
  test('sets the flag on a process started without an option on its topic', () => {
    const set: string[] = [];
    const given = ['--expose-gc', '--max-old-space-size=4096'];
    assert.equal(
      setUnlessGiven(SERVER_HEAP_FLAG, given, (flag) => set.push(flag)),
      true,
    );
    assert.equal(
      setUnlessGiven(OLD_GENERATION_FLAG, given, (flag) => set.push(flag)),
      true,
    );
    assert.equal(
      setUnlessGiven(TIERING_FLAG, given, (flag) => set.push(flag)),
      true,
    );
    assert.deepEqual(set, [SERVER_HEAP_FLAG.flag, OLD_GENERATION_FLAG.flag, TIERING_FLAG.flag]);
  });

  test('leaves it to the option the process was started with, in either spelling', () => {
    const cases: [typeof SERVER_HEAP_FLAG, string][] = [
      [SERVER_HEAP_FLAG, '--max-semi-space-size=64'],
      [SERVER_HEAP_FLAG, '--max_semi_space_size=64'],
      [SERVER_HEAP_FLAG, '--semi-space-growth-factor=4'],
      [OLD_GENERATION_FLAG, '--heap_growing_percent=50'],
      [TIERING_FLAG, '--interrupt_budget=1000'],
    ];
    for (const [flag, given] of cases) {
      const set: string[] = [];
      assert.equal(
        setUnlessGiven(flag, [given], (name) => set.push(name)),
        false,
        given,
      );
      assert.deepEqual(set, [], given);
    }
  });
});

// The flags work when set from inside the process: `v8.setFlagsFromString` ignores a flag V8
// no longer knows, so each is checked by its effect, against the same workload without it.
describe('the flags take effect at run time', () => {
  /** The young generation's size (MB) after short-lived objects with a few survivors. */
  const youngGenerationMb = (tuned: boolean) =>
    Number(
      run(`
        const { getHeapSpaceStatistics } = require('node:v8');
        const { SERVER_HEAP_FLAG, setUnlessGiven } = require('./server/src/node/v8-flags');
        if (${tuned}) setUnlessGiven(SERVER_HEAP_FLAG, []);
        let kept = [];
        for (let i = 0; i < 3e6; i++) {
          const node = { i, children: [i, i + 1], text: 'x' + i };
          if (i % 100 === 0) kept.push(node);
          if (kept.length > 20000) kept = [];
        }
        const young = getHeapSpaceStatistics().find((space) => space.space_name === 'new_space');
        process.stdout.write(String(young.space_size / 2 ** 20));
      `),
    );

  test("the server's: the young generation keeps its first size", () => {
    const untuned = youngGenerationMb(false);
    const tuned = youngGenerationMb(true);
    assert.ok(tuned <= 4, `young generation ${tuned} MB with the flag`);
    assert.ok(untuned >= 4 * tuned, `young generation ${untuned} MB without it`);
  });

  /**
   * The old generation's largest size (MB) over batches that live through many young
   * collections, as a tree lives through its analysis, a few of them kept; with the server's
   * flag, or with the growth V8 allows by default at most (fourfold), which it otherwise
   * chooses itself from how fast the process runs and collects. The collector runs on the
   * main thread only, so that the peak depends on what is allocated, not on how soon a busy
   * machine lets a marking thread finish.
   */
  const oldGenerationPeakMb = (tuned: boolean) =>
    Number(
      run(
        `
        const { getHeapSpaceStatistics, setFlagsFromString } = require('node:v8');
        const { OLD_GENERATION_FLAG, SERVER_HEAP_FLAG, setUnlessGiven } = require('./server/src/node/v8-flags');
        setUnlessGiven(SERVER_HEAP_FLAG, []);
        if (${tuned}) setUnlessGiven(OLD_GENERATION_FLAG, []);
        else setFlagsFromString('--heap-growing-percent=300');
        let peak = 0;
        const kept = [];
        for (let round = 0; round < 200; round++) {
          const batch = [];
          for (let i = 0; i < 20000; i++) batch.push({ i, children: [i, i + 1], text: 'x' + i });
          if (round % 50 === 0) kept.push(batch);
          const old = getHeapSpaceStatistics().find((space) => space.space_name === 'old_space');
          peak = Math.max(peak, old.space_size);
        }
        process.stdout.write(String(peak / 2 ** 20));
      `,
        ['--single-threaded-gc'],
      ),
    );

  test("the server's: the old generation is collected before it grows fourfold", () => {
    const fourfold = oldGenerationPeakMb(false);
    const tuned = oldGenerationPeakMb(true);
    assert.ok(
      tuned * 1.3 <= fourfold,
      `old generation ${tuned} MB at its peak with the flag, ${fourfold} MB growing fourfold`,
    );
  });

  /**
   * Whether V8 marks a function for optimisation after 40 calls: by default it does after
   * about 12; with the budget the command line and the server set, after about 90.
   */
  const optimisedEarly = (tuned: boolean) =>
    /marking .*\bwork\b/.test(
      run(
        `
        const { TIERING_FLAG, setUnlessGiven } = require('./server/src/node/v8-flags');
        if (${tuned}) setUnlessGiven(TIERING_FLAG, []);
        function work(n) { let sum = 0; for (let i = 0; i < n; i++) sum += (i * 7) % 13; return sum; }
        let total = 0;
        for (let call = 0; call < 40; call++) total += work(200);
        process.stdout.write(String(total));
      `,
        ['--trace-opt'],
      ),
    );

  test('the tiering flag: functions are optimised later', () => {
    assert.equal(optimisedEarly(false), true);
    assert.equal(optimisedEarly(true), false);
  });
});
