/**
 * Tests of what memory is kept: whether an object was collected shows only with a full
 * collection on demand, which `node --expose-gc` offers. Without it, the test file runs itself
 * again in a process that has it.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

/**
 * The full collection of this process; without one, null, and a test (named `name`) that
 * runs the file at `fileUrl` again with `--expose-gc` and passes when its tests pass.
 */
export function exposedGc(fileUrl: string, name: string): (() => void) | null {
  const { gc } = globalThis as { gc?: () => void };
  if (gc !== undefined) return gc;
  test(`${name}: run with --expose-gc`, () => {
    const file = fileURLToPath(fileUrl);
    const run = spawnSync(process.execPath, ['--expose-gc', '--import', 'tsx', file], {
      encoding: 'utf8',
    });
    assert.equal(run.status, 0, `${run.stdout}\n${run.stderr}`);
  });
  return null;
}
