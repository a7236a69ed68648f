import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { describe, test } from 'node:test';
import { SERVER_HEAP_FLAG, tuneHeap } from '../../server/src/node/heap-tuning';
import { repoRoot } from '../helpers/paths';

describe('tuneHeap', () => {
  test('sets its flag on a process started without options on the semispaces', () => {
    const set: string[] = [];
    assert.equal(
      tuneHeap(['--expose-gc', '--max-old-space-size=4096'], (flag) => set.push(flag)),
      true,
    );
    assert.deepEqual(set, [SERVER_HEAP_FLAG]);
  });

  test('leaves the semispaces to the option the process was started with, in either spelling', () => {
    for (const given of [
      '--max-semi-space-size=64',
      '--max_semi_space_size=64',
      '--semi-space-growth-factor=4',
    ]) {
      const set: string[] = [];
      assert.equal(
        tuneHeap([given], (flag) => set.push(flag)),
        false,
        given,
      );
      assert.deepEqual(set, [], given);
    }
  });

  /**
   * The young generation's size after a workload of short-lived objects with a few survivors,
   * in a process of its own, with the server's tuning applied or not.
   */
  function youngGenerationMb(tuned: boolean): number {
    const script = `
      const { getHeapSpaceStatistics } = require('node:v8');
      const { tuneHeap } = require('./server/src/node/heap-tuning');
      if (${tuned}) tuneHeap([]);
      let kept = [];
      for (let i = 0; i < 3e6; i++) {
        const node = { i, children: [i, i + 1], text: 'x' + i };
        if (i % 100 === 0) kept.push(node);
        if (kept.length > 20000) kept = [];
      }
      const young = getHeapSpaceStatistics().find((space) => space.space_name === 'new_space');
      process.stdout.write(String(young.space_size / 2 ** 20));
    `;
    const result = spawnSync(process.execPath, ['--import', 'tsx', '--eval', script], {
      cwd: repoRoot,
      encoding: 'utf8',
    });
    assert.equal(result.status, 0, result.stderr);
    return Number(result.stdout);
  }

  test('keeps the young generation at its first size when set from inside the process', () => {
    const untuned = youngGenerationMb(false);
    const tuned = youngGenerationMb(true);
    assert.ok(tuned <= 4, `young generation ${tuned} MB with the tuning`);
    // The workload does grow it without the tuning: the test would see the flag stop working.
    assert.ok(untuned >= 4 * tuned, `young generation ${untuned} MB without the tuning`);
  });
});
