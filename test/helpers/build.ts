/** Builds bundles a test runs as processes, so that a test file run alone tests current code. */
import { spawnSync } from 'node:child_process';
import { repoRoot } from './paths';

/** Runs `scripts/build.mjs` for the named entries (all when none); throws with its output. */
export function buildBundles(...entries: string[]): void {
  const result = spawnSync(process.execPath, ['scripts/build.mjs', ...entries], {
    cwd: repoRoot,
    encoding: 'utf8',
  });
  if (result.status !== 0) {
    throw new Error(`Building ${entries.join(', ') || 'the bundles'} failed:\n${result.stderr}`);
  }
}
