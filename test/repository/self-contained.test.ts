/**
 * The repository stands alone: a clone with nothing beside it builds, tests and benchmarks.
 * What the tests read from elsewhere is copied into `test/fixtures/corpus`, with its source.
 */
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, test } from 'node:test';
import { corpusDir, repoRoot } from '../helpers/paths';

/** What runs: sources, tests, benchmarks, scripts and CI (fixtures are data, not code). */
const CODE_ROOTS = ['.ci', 'bench', 'client/src', 'scripts', 'server/src', 'test'];
const CODE = /\.(?:[cm]?[jt]s|sh|lua)$|^run$/;
const SKIPPED = ['fixtures', 'node_modules', 'out', '.work'];

function codeFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) {
      // Fixtures are data; `out` folders hold what was built (bundles inline package.json).
      return SKIPPED.includes(entry.name) ? [] : codeFiles(path);
    }
    return CODE.test(entry.name) ? [path] : [];
  });
}

// Spelled in parts so that this file does not find itself.
const SHARED = ['sh', 'ared'].join('');
const OUTSIDE = new RegExp(
  [`\\.\\./${SHARED}\\b`, `['"]\\.\\.['"]\\s*,\\s*['"]${SHARED}['"]`, `/work/${SHARED}\\b`].join(
    '|',
  ),
);

describe('the repository is self-contained', () => {
  test('no source, test, benchmark, script or CI step reads the shared folder beside it', () => {
    const files = CODE_ROOTS.filter((root) => existsSync(join(repoRoot, root))).flatMap((root) =>
      statSync(join(repoRoot, root)).isDirectory()
        ? codeFiles(join(repoRoot, root))
        : [join(repoRoot, root)],
    );
    assert.ok(files.length > 100, `${files.length} files`);
    const leaks = files
      .filter((file) => OUTSIDE.test(readFileSync(file, 'utf8')))
      .map((file) => relative(repoRoot, file));
    assert.deepEqual(leaks, []);
  });

  test('no npm script but `score` (the measuring tool) reaches outside', () => {
    const { scripts } = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as {
      scripts: Record<string, string>;
    };
    const outside = Object.entries(scripts)
      .filter(([name, script]) => name !== 'score' && OUTSIDE.test(script))
      .map(([name]) => name);
    assert.deepEqual(outside, []);
    assert.match(scripts.score, /test\/fixtures\/corpus\/real-world\/truth\.json/);
  });

  test('every folder of the corpus says where it comes from and under which licence', () => {
    const folders = readdirSync(corpusDir, { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name);
    assert.deepEqual(folders.sort(), ['dfds-postmortems', 'real-world', 'seed', 'templates']);
    const source = readFileSync(join(corpusDir, 'SOURCE.txt'), 'utf8');
    for (const folder of folders) {
      assert.ok(source.includes(`${folder}/`), `SOURCE.txt names ${folder}/`);
      const names = readdirSync(join(corpusDir, folder));
      assert.ok(
        names.some((name) => /^(LICENSE|SOURCES?)(\.txt|\.md)?$/.test(name)),
        `${folder} has a licence or source file`,
      );
    }
    for (const repository of readdirSync(join(corpusDir, 'real-world'), { withFileTypes: true })) {
      if (!repository.isDirectory()) continue;
      assert.ok(
        existsSync(join(corpusDir, 'real-world', repository.name, 'LICENSE.txt')),
        `real-world/${repository.name}/LICENSE.txt`,
      );
    }
    assert.ok(existsSync(join(corpusDir, 'real-world', 'truth.json')));
  });
});
