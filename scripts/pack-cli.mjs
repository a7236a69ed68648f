// `npm run pack:cli`: the npm package `postmortem-lint`, for other repositories' CI: the
// command, the remark preset and its rules, and the JSON Schema of `.postmortemrc.json`. Every
// dependency is bundled in, so installing the tarball fetches nothing.
//
//   node scripts/pack-cli.mjs [--out <folder>]   (default: the repository's root)
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const outIndex = process.argv.indexOf('--out');
const out = resolve(outIndex > 0 ? process.argv[outIndex + 1] : root);

function run(command, args, cwd) {
  const result = spawnSync(command, args, { cwd, encoding: 'utf8', stdio: 'pipe' });
  if (result.status !== 0) {
    process.stderr.write(result.stdout + result.stderr);
    throw new Error(`${command} ${args.join(' ')} failed`);
  }
  return result.stdout;
}

const app = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const stage = mkdtempSync(join(tmpdir(), 'postmortem-lint-pack-'));
try {
  // Built apart from server/out, which tests and the editor may be running meanwhile.
  const bundles = join(stage, '.bundles');
  run(
    process.execPath,
    ['scripts/build.mjs', '--production', '--out', bundles, 'cli', 'remark'],
    root,
  );
  const copy = (from, to = from) => cpSync(join(root, from), join(stage, to), { recursive: true });
  cpSync(join(bundles, 'cli.js'), join(stage, 'cli.js'));
  cpSync(join(bundles, 'remark'), join(stage, 'remark'), { recursive: true });
  rmSync(bundles, { recursive: true });
  // The rules' pages: SARIF's rule help, read beside cli.js.
  copy('docs/rules');
  copy('schemas/postmortemrc.schema.json');
  copy('LICENSE');
  copy('docs/cli-package.md', 'README.md');
  const manifest = {
    name: 'postmortem-lint',
    version: app.version,
    description:
      'Lints incident post-mortems in CI: missing sections, timeline order and times, root-cause evidence, stated metrics against the timeline; a CLI, a remark-lint preset and a JSON Schema.',
    keywords: ['postmortem', 'post-mortem', 'incident', 'sre', 'markdown', 'lint', 'remark-lint'],
    license: app.license,
    repository: app.repository,
    homepage: app.homepage,
    bugs: app.bugs,
    engines: { node: app.engines.node },
    bin: { 'postmortem-lint': 'cli.js' },
    exports: {
      './remark': './remark/index.mjs',
      './remark/rules/*': './remark/rules/*.mjs',
      './schema.json': './schemas/postmortemrc.schema.json',
      './package.json': './package.json',
    },
  };
  writeFileSync(join(stage, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  mkdirSync(out, { recursive: true });
  const [packed] = JSON.parse(run('npm', ['pack', '--json', '--pack-destination', out], stage));
  process.stdout.write(`${join(out, packed.filename)}\n`);
} finally {
  rmSync(stage, { recursive: true, force: true });
}
