/**
 * `test/e2e/install.sh` under `npm run test:e2e`: the outer npm's settings (its user agent
 * names Node 20, which code-server's postinstall refuses) must not reach the inner installs.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { repoRoot } from '../helpers/paths';

test('the inner npm runs without the outer npm_* variables, with the cache of the script', () => {
  const cache = mkdtempSync(join(tmpdir(), 'pm-e2e-env-'));
  try {
    // Sourced, the script sets up its environment and runs no step; `env` shows what npm gets.
    const result = spawnSync('bash', ['-c', 'source test/e2e/install.sh && env'], {
      cwd: repoRoot,
      encoding: 'utf8',
      env: {
        PATH: process.env.PATH,
        HOME: process.env.HOME,
        PM_E2E_CACHE: cache,
        npm_config_user_agent: 'npm/11.19.1 node/v20.20.2 linux x64 workspaces/false',
        npm_config_nodedir: '/usr',
        npm_package_name: 'postmortem-authoring',
        npm_lifecycle_event: 'test:e2e',
        NODE: process.execPath,
      },
    });
    assert.equal(result.status, 0, result.stderr);
    const env = new Map(
      result.stdout
        .split('\n')
        .filter((line) => line.includes('='))
        .map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]),
    );
    const npmNames = [...env.keys()].filter((name) => /^(npm_|NODE$)/.test(name)).sort();
    assert.deepEqual(npmNames, [
      'npm_config_audit',
      'npm_config_cache',
      'npm_config_fund',
      'npm_config_update_notifier',
    ]);
    assert.equal(env.get('npm_config_cache'), join(cache, 'npm-cache'));
  } finally {
    rmSync(cache, { recursive: true, force: true });
  }
});
