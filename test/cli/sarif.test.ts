/**
 * `--format sarif` as code scanning takes it: validated by Microsoft's SARIF multitool with
 * GitHub's rules (`--rule-kind "Gh;Sarif"`), and with what kept the run from checking
 * everything (a configuration problem, a file that cannot be read) in its invocation.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Log } from 'sarif';
import { RULE_IDS } from '../../server/src/engine/model';
import { buildBundles } from '../helpers/build';
import { cliPath as cli } from '../helpers/cli';
import { repoRoot } from '../helpers/paths';

const sample = readFileSync(join(repoRoot, 'examples', 'sample-postmortem.md'), 'utf8');
let scratch: string;
let log: Log;
let status: number | null;

before(() => {
  buildBundles('cli');
  scratch = mkdtempSync(join(tmpdir(), 'postmortem-sarif-'));
  writeFileSync(join(scratch, '.postmortemrc.json'), '{ "rules": { "placeholder": "loud" } }');
  writeFileSync(join(scratch, 'incident.md'), sample.replace('| 1:10 PM |', '| 1:20 PM |'));
  const result = spawnSync(
    process.execPath,
    [cli, '--format', 'sarif', 'incident.md', 'missing.md', '-o', 'report.sarif'],
    { cwd: scratch, encoding: 'utf8' },
  );
  status = result.status;
  log = JSON.parse(readFileSync(join(scratch, 'report.sarif'), 'utf8')) as Log;
});

after(() => rmSync(scratch, { recursive: true, force: true }));

describe('sarif for code scanning', () => {
  test('every rule has its page: full description, help as text and Markdown', () => {
    const { driver } = log.runs[0]!.tool;
    assert.equal(
      driver.informationUri,
      'https://github.com/postmortem-tools/postmortem-authoring#readme',
    );
    assert.deepEqual(
      driver.rules!.map((rule) => rule.id),
      [...RULE_IDS],
    );
    for (const rule of driver.rules!) {
      const page = readFileSync(join(repoRoot, 'docs', 'rules', `${rule.id}.md`), 'utf8');
      assert.ok(rule.fullDescription!.text.length > 40, rule.id);
      assert.ok(
        page.replace(/`/g, '').replace(/\s+/g, ' ').includes(rule.fullDescription!.text),
        rule.id,
      );
      assert.ok(page.includes(rule.help!.markdown!.trim()), rule.id);
      assert.ok(rule.help!.text.endsWith(`See ${rule.helpUri}`), rule.id);
    }
  });

  test('configuration and read problems are notifications of the invocation (exit 2)', () => {
    assert.equal(status, 2);
    const [invocation] = log.runs[0]!.invocations!;
    assert.equal(invocation!.executionSuccessful, false);
    const configuration = invocation!.toolConfigurationNotifications!;
    assert.equal(configuration.length, 1);
    assert.match(configuration[0]!.message.text!, /Unknown severity `loud` for `placeholder`/);
    assert.deepEqual(configuration[0]!.locations![0]!.physicalLocation!.artifactLocation, {
      uri: '.postmortemrc.json',
      uriBaseId: '%SRCROOT%',
    });
    assert.equal(configuration[0]!.locations![0]!.physicalLocation!.region!.startLine, 1);
    assert.deepEqual(
      invocation!.toolExecutionNotifications!.map((n) => n.message.text),
      ['Cannot read `missing.md`: no such file or directory'],
    );
    assert.deepEqual(
      log.runs[0]!.results!.map((result) => result.ruleId),
      ['timeline-order'],
    );
  });

  test("the SARIF multitool with GitHub's rules finds no error", () => {
    // The package's binary is a self-contained .NET build for this platform.
    const multitool = createRequire(__filename)('@microsoft/sarif-multitool') as string;
    const output = join(scratch, 'validation.sarif');
    const result = spawnSync(
      multitool,
      ['validate', '--rule-kind', 'Gh;Sarif', '--output', output, join(scratch, 'report.sarif')],
      { encoding: 'utf8', env: { ...process.env, DOTNET_CLI_TELEMETRY_OPTOUT: '1' } },
    );
    assert.equal(result.status, 0, result.stdout + result.stderr);
    const validation = JSON.parse(readFileSync(output, 'utf8')) as Log;
    const problems = (validation.runs[0]!.results ?? [])
      // A result without a level is a warning.
      .filter((r) => r.level === undefined || r.level === 'error' || r.level === 'warning')
      .map((r) => `${r.ruleId}: ${r.message.text ?? JSON.stringify(r.message.arguments)}`);
    assert.deepEqual(problems, []);
  });
});
