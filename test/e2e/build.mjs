// Builds the end-to-end suite: the mocha tests as CommonJS bundles (the extension host loads
// them with `require`, which is how they get `vscode`) in test/e2e/out/suite, and the runner
// extension of the code-server run, packaged as a .vsix with the tests inside it (each run
// builds its own, in its run folder).
//
//   node test/e2e/build.mjs          builds both into test/e2e/out
import { spawnSync } from 'node:child_process';
import { copyFileSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const here = dirname(fileURLToPath(import.meta.url));
const repo = join(here, '..', '..');

/** Where the builds go (ignored by git, ESLint and Prettier, as every `out/` folder). */
export const OUT = join(here, 'out');
/** The suite for `@vscode/test-electron`: `index.js` (`run()`) and `*.test.js`. */
export const SUITE_OUT = join(OUT, 'suite');

/** @type {import('esbuild').BuildOptions} */
const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: 'inline',
  external: ['vscode'],
  logLevel: 'warning',
  // Mocha 12 is ESM; bundled as CommonJS, `import.meta` has to come from the bundle's file.
  banner: { js: 'const __pm_import_meta_url = require("url").pathToFileURL(__filename).href;' },
  define: { 'import.meta.url': '__pm_import_meta_url', 'import.meta.dirname': '__dirname' },
  // A test's Markdown (the sample report) is bundled as its text.
  loader: { '.md': 'text' },
  // Only mocha's parallel mode resolves these files; the suite runs serially.
  logOverride: { 'require-resolve-not-external': 'silent' },
};

const testSources = () =>
  readdirSync(join(here, 'suite'))
    .filter((name) => name.endsWith('.test.ts'))
    .map((name) => join(here, 'suite', name));

async function bundle(options) {
  const result = await build({ ...common, ...options });
  if (result.warnings.length > 0) {
    // As in scripts/build.mjs: a warning is a bundle that may break at run time.
    throw new Error(`esbuild: ${result.warnings.length} warning(s) treated as errors`);
  }
}

/** The tests and `index.js` for `--extensionTestsPath`. */
export async function buildSuite() {
  rmSync(SUITE_OUT, { recursive: true, force: true });
  await bundle({
    entryPoints: [join(here, 'suite/index.ts'), ...testSources()],
    outdir: SUITE_OUT,
  });
}

/**
 * The runner extension (its own mocha inside) with the tests in `suite/`, built in
 * `<folder>/runner` and packaged as the returned `<folder>/postmortem-e2e-runner.vsix`.
 */
export async function buildRunner(folder) {
  const runnerFolder = join(folder, 'runner');
  const vsix = join(folder, 'postmortem-e2e-runner.vsix');
  rmSync(runnerFolder, { recursive: true, force: true });
  await bundle({
    entryPoints: [join(here, 'runner/extension.ts')],
    outfile: join(runnerFolder, 'extension.js'),
  });
  await bundle({ entryPoints: testSources(), outdir: join(runnerFolder, 'suite') });
  const manifest = JSON.parse(readFileSync(join(here, 'runner/manifest.json'), 'utf8'));
  writeFileSync(join(runnerFolder, 'package.json'), JSON.stringify(manifest, null, 2));
  copyFileSync(join(repo, 'LICENSE'), join(runnerFolder, 'LICENSE'));
  writeFileSync(
    join(runnerFolder, 'README.md'),
    `# ${manifest.displayName}\n\n${manifest.description}\n`,
  );
  const vsce = spawnSync(
    process.execPath,
    [join(repo, 'node_modules/@vscode/vsce/vsce'), 'package', '--no-dependencies', '--out', vsix],
    { cwd: runnerFolder, encoding: 'utf8' },
  );
  if (vsce.status !== 0) {
    throw new Error(`vsce package failed for the runner extension:\n${vsce.stdout}${vsce.stderr}`);
  }
  return vsix;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  await buildSuite();
  console.log(`built ${SUITE_OUT} and ${await buildRunner(OUT)}`);
}
