/**
 * The language server in an editor no one here wrote: Neovim's built-in LSP client, headless,
 * runs `lsp-check.lua` against `server/out/server.js` (built by `npm test`).
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { repoRoot as repo } from '../helpers/paths';

const nvim = spawnSync('nvim', ['--version'], { encoding: 'utf8' });
// CI installs Neovim; elsewhere the test says why it did not run.
const skip =
  nvim.error && !process.env.CI ? 'nvim is not installed (apt-get install neovim)' : false;

test('Neovim LSP client: diagnostics, code lens, hover and a quick fix', { skip }, () => {
  const folder = join(mkdtempSync(join(tmpdir(), 'pm-nvim-')), 'postmortems');
  mkdirSync(folder);
  const file = join(folder, '2025-03-15-login-outage.md');
  copyFileSync(join(repo, 'test/fixtures/editors/postmortems/2025-03-15-login-outage.md'), file);
  const resultPath = join(folder, '..', 'result.json');
  const run = spawnSync(
    'nvim',
    ['--headless', '-u', 'NONE', '-i', 'NONE', '-c', `luafile ${join(__dirname, 'lsp-check.lua')}`],
    {
      encoding: 'utf8',
      timeout: 120_000,
      env: {
        ...process.env,
        PM_SERVER: join(repo, 'server/out/server.js'),
        PM_FILE: file,
        PM_RESULT: resultPath,
      },
    },
  );
  assert.equal(run.status, 0, `nvim exited with ${run.status}: ${run.stderr}`);
  const results = JSON.parse(readFileSync(resultPath, 'utf8')) as Record<string, unknown>;
  assert.equal(results.error, undefined);
  assert.deepEqual(results.diagnostics, [
    'metrics-consistency:25',
    'required-sections:27',
    'timeline-order:16',
  ]);
  assert.deepEqual(results.codeLens, [
    'TTD 0m* · TTA 5m* · TTM 20m* · TTR 40m* (* guessed from keywords)',
    'Computed from timeline: 40m',
  ]);
  assert.match(String(results.hover), /12:55 PM/);
  assert.match(String(results.hover), /detected/i);
  assert.equal(results.quickFix, 'Sort the timeline by time');
  assert.deepEqual(results.rowsAfterFix, [
    '| 1:10 PM | Engineers identify high DB connection usage. |',
    '| 1:15 PM | Temporary fix applied (manually restarted DB). |',
  ]);
  assert.deepEqual(results.diagnosticsAfterFix, ['metrics-consistency:25', 'required-sections:27']);
});
