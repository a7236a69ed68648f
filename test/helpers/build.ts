/** Builds bundles a test runs as processes, so that a test file run alone tests current code. */
import { runNode } from './cli';
import { repoRoot } from './paths';

/**
 * Runs `scripts/build.mjs` for the named entries (all when none); throws with its output.
 * Under `scripts/run-tests.mjs`, which has built them all before starting the test files, it
 * does nothing: files running in parallel would otherwise rewrite bundles others are loading.
 */
export function buildBundles(...entries: string[]): void {
  if (process.env.POSTMORTEM_TEST_BUNDLES_BUILT === '1') return;
  const result = runNode('scripts/build.mjs', entries, { cwd: repoRoot });
  if (result.status !== 0) {
    throw new Error(`Building ${entries.join(', ') || 'the bundles'} failed:\n${result.stderr}`);
  }
}
