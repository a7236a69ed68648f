// Runs the unit and protocol tests (`test/**/*.test.ts`, or the files and folders given) with
// Node's test runner. Node 20 does not expand globs in `--test`, hence this script.
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

function collect(path) {
  if (statSync(path).isFile()) return [path];
  return readdirSync(path, { withFileTypes: true })
    .filter(
      (entry) => !(entry.isDirectory() && (entry.name === 'e2e' || entry.name === 'fixtures')),
    )
    .flatMap((entry) => {
      const child = join(path, entry.name);
      if (entry.isDirectory()) return collect(child);
      return entry.name.endsWith('.test.ts') ? [child] : [];
    });
}

const roots = process.argv.slice(2);
const files = (roots.length > 0 ? roots : ['test']).flatMap(collect).sort();
// The bundles are built once here: test files run in parallel processes, and each one building
// what it spawns would rewrite a bundle while another file's server or CLI is loading it.
const build = spawnSync(process.execPath, ['scripts/build.mjs'], { stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);
const result = spawnSync(
  process.execPath,
  ['--import', 'tsx', '--test', '--test-reporter=spec', ...files],
  { stdio: 'inherit', env: { ...process.env, POSTMORTEM_TEST_BUNDLES_BUILT: '1' } },
);
process.exit(result.status ?? 1);
