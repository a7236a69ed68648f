/**
 * What a run loads: Node modules that only some runs need are loaded by those runs alone, and
 * still are when they need them (`node:crypto`: the temporary file of `--fix`, the HTML
 * report's policy hash).
 */
import assert from 'node:assert/strict';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { buildBundles } from '../helpers/build';
import { runCli } from '../helpers/cli';
import { repoRoot } from '../helpers/paths';

let scratch: string;
let preload: string;

before(() => {
  buildBundles('cli');
  scratch = mkdtempSync(join(tmpdir(), 'postmortem-load-'));
  // Writes, as the process exits, which of Node's modules it loaded.
  copyFileSync(join(repoRoot, 'examples', 'sample-postmortem.md'), join(scratch, 'clean.md'));
  preload = join(scratch, 'loaded.cjs');
  writeFileSync(
    preload,
    `process.on('exit', () => require('node:fs').writeFileSync(process.env.LOADED_FILE, process.moduleLoadList.join('\\n')));\n`,
  );
});

after(() => rmSync(scratch, { recursive: true, force: true }));

/** Runs the CLI in the scratch folder; its status and whether it loaded `node:crypto`. */
function run(...args: string[]): { status: number | null; stderr: string; crypto: boolean } {
  const loadedFile = join(scratch, 'loaded.txt');
  const result = runCli(args, {
    cwd: scratch,
    env: { NODE_OPTIONS: `--require ${preload}`, LOADED_FILE: loadedFile },
  });
  const loaded = readFileSync(loadedFile, 'utf8').split('\n');
  return {
    status: result.status,
    stderr: result.stderr,
    crypto: loaded.includes('NativeModule crypto'),
  };
}

describe('node:crypto', () => {
  test('a lint run does not load it', () => {
    const linted = run('--format', 'json', 'clean.md');
    assert.equal(linted.status, 0, linted.stderr);
    assert.equal(linted.crypto, false);
  });

  test('`--fix` writing a file loads it, for the temporary file', () => {
    const sample = readFileSync(join(repoRoot, 'examples', 'sample-postmortem.md'), 'utf8');
    const file = join(scratch, 'unordered.md');
    writeFileSync(file, sample.replace('| 1:10 PM |', '| 1:20 PM |'));
    const fixed = run('--fix', 'unordered.md');
    assert.equal(fixed.crypto, true);
    assert.notEqual(readFileSync(file, 'utf8'), sample.replace('| 1:10 PM |', '| 1:20 PM |'));
  });

  test('`report --format html` loads it, for the policy hash', () => {
    const page = run('report', '--format', 'html', '-o', 'report.html', 'clean.md');
    assert.equal(page.status, 0, page.stderr);
    assert.equal(page.crypto, true);
    assert.match(readFileSync(join(scratch, 'report.html'), 'utf8'), /style-src 'sha256-[^']+'/);
  });
});
