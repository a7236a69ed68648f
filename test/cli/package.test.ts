/**
 * `npm run pack:cli`: the tarball installs with no network, as a dev dependency and globally,
 * and gives the `postmortem-lint` command, the remark preset, each rule as its own plugin, and
 * the JSON Schema.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import type { SpawnSyncOptions } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { version } from '../../package.json';
import { RULE_IDS } from '../../server/src/engine/model';
import { repoRoot } from '../helpers/paths';

const remarkCli = join(repoRoot, 'node_modules', 'remark-cli', 'cli.js');
const report = join(repoRoot, 'test/fixtures/editors/postmortems/2025-03-15-login-outage.md');
let scratch: string;
let tarball: string;
let project: string;

/** The environment without the outer npm's settings (`npm test` exports its own). */
function cleanEnv(): NodeJS.ProcessEnv {
  const env = Object.fromEntries(
    Object.entries(process.env).filter(([name]) => !/^npm_/i.test(name)),
  );
  return { ...env, npm_config_cache: join(scratch, 'npm-cache'), npm_config_audit: 'false' };
}

function run(command: string, args: string[], options: SpawnSyncOptions = {}) {
  const result = spawnSync(command, args, { encoding: 'utf8', env: cleanEnv(), ...options });
  return { status: result.status, stdout: String(result.stdout), stderr: String(result.stderr) };
}

/** npm, offline: the tarball must need nothing from a registry. */
function npm(args: string[], cwd: string) {
  const result = run('npm', [...args, '--offline', '--no-fund', '--no-audit'], { cwd });
  assert.equal(result.status, 0, result.stdout + result.stderr);
}

before(() => {
  scratch = mkdtempSync(join(tmpdir(), 'postmortem-package-'));
  const packed = run(process.execPath, ['scripts/pack-cli.mjs', '--out', scratch], {
    cwd: repoRoot,
  });
  assert.equal(packed.status, 0, packed.stderr);
  tarball = packed.stdout.trim();
  assert.equal(tarball, join(scratch, `postmortem-lint-${version}.tgz`));
  project = join(scratch, 'project');
  mkdirSync(project);
  writeFileSync(join(project, 'package.json'), '{ "name": "consumer", "private": true }\n');
  npm(['install', '--save-dev', tarball], project);
  copyFileSync(report, join(project, 'report.md'));
});

after(() => rmSync(scratch, { recursive: true, force: true }));

describe('the postmortem-lint package', () => {
  test('has no dependencies to fetch, and ships what it runs', () => {
    const manifest = JSON.parse(
      readFileSync(join(project, 'node_modules', 'postmortem-lint', 'package.json'), 'utf8'),
    );
    assert.equal(manifest.dependencies, undefined);
    assert.deepEqual(manifest.bin, { 'postmortem-lint': 'cli.js' });
    const lock = JSON.parse(readFileSync(join(project, 'package-lock.json'), 'utf8'));
    assert.deepEqual(Object.keys(lock.packages), ['', 'node_modules/postmortem-lint']);
  });

  test('as a dev dependency: `postmortem-lint` lints, with SARIF help from the rule pages', () => {
    const bin = join(project, 'node_modules', '.bin', 'postmortem-lint');
    const result = run(bin, ['--format', 'json', 'report.md'], { cwd: project });
    assert.equal(result.status, 1, result.stderr);
    const [file] = JSON.parse(result.stdout).files;
    assert.deepEqual(
      file.diagnostics.map((d: { rule: string }) => d.rule),
      ['timeline-order', 'metrics-consistency', 'required-sections'],
    );
    const sarif = JSON.parse(run(bin, ['-f', 'sarif', 'report.md'], { cwd: project }).stdout);
    const [rule] = sarif.runs[0].tool.driver.rules;
    assert.match(rule.help.markdown, /^Default severity: \*\*warning\*\*/);
  });

  test('the remark preset and each rule as its own plugin', () => {
    const preset = run(
      process.execPath,
      [remarkCli, '--use', 'postmortem-lint/remark', 'report.md', '--no-stdout', '--no-color'],
      { cwd: project },
    );
    assert.match(preset.stderr, /3 warnings/);
    writeFileSync(
      join(project, '.remarkrc.json'),
      JSON.stringify({ plugins: [['postmortem-lint/remark/rules/timeline-order', ['error']]] }),
    );
    const rule = run(process.execPath, [remarkCli, 'report.md', '--no-stdout', '--no-color'], {
      cwd: project,
    });
    assert.equal(rule.status, 1);
    assert.match(rule.stderr, /error\s+Timeline entry `1:10 PM`.*timeline-order/);
    assert.match(rule.stderr, /1 error\n/);
    rmSync(join(project, '.remarkrc.json'));
  });

  test('the JSON Schema, and one module per rule', () => {
    const resolved = run(
      process.execPath,
      [
        '--input-type=module',
        '-e',
        `import { createRequire } from 'node:module';
         const require = createRequire(process.cwd() + '/');
         const schema = require(require.resolve('postmortem-lint/schema.json'));
         const { rules } = await import('postmortem-lint/remark');
         console.log(JSON.stringify([schema.title, Object.keys(rules)]));`,
      ],
      { cwd: project },
    );
    assert.equal(resolved.status, 0, resolved.stderr);
    assert.deepEqual(JSON.parse(resolved.stdout), [
      'Post-mortem lint configuration (.postmortemrc.json)',
      [...RULE_IDS],
    ]);
  });

  test('installed globally: the command on the PATH', () => {
    const prefix = join(scratch, 'global');
    npm(['install', '--global', '--prefix', prefix, tarball], scratch);
    const result = run(join(prefix, 'bin', 'postmortem-lint'), ['--version']);
    assert.deepEqual([result.status, result.stdout], [0, `${version}\n`]);
  });
});
