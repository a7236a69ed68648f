/**
 * The rules as remark-lint plugins, by remark-lint's conventions: in a unified pipeline, through
 * `remark --use`, and configured by a `.remarkrc.json` (each rule its own plugin taking
 * `[severity, options]`), with `.postmortemrc.json`, `<!-- lint disable -->` and fixes as
 * `expected`.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { analyze } from '../../server/src/engine/analyze';
import { defaultConfig } from '../../server/src/engine/config/defaults';
import { applyEdits } from '../../server/src/engine/fixes/edits';
import { RULE_IDS } from '../../server/src/engine/model';
import preset, { rules } from '../../server/src/remark/preset';
import type { PostmortemOptions } from '../../server/src/remark/preset';
import { buildBundles } from '../helpers/build';
import { runNode } from '../helpers/cli';
import { repoRoot as repo } from '../helpers/paths';

const report = 'test/fixtures/editors/postmortems/2025-03-15-login-outage.md';
const reportText = readFileSync(join(repo, report), 'utf8');
const sample = readFileSync(join(repo, 'examples', 'sample-postmortem.md'), 'utf8');
const remarkCli = join(repo, 'node_modules/remark-cli/cli.js');
const bundle = join(repo, 'server/out/remark');
// A finding with a fix is placed on what its fix replaces: the end of the report for a missing
// section, the timeline's rows for the order; the stated value for a metric.
const expected = [
  '29:1 required-sections Missing section `Lessons Learned`; expected after `6. Preventative Measures`',
  '13:1 timeline-order Timeline entry `1:10 PM` is earlier than the entry before it (`1:15 PM`)',
  "25:31 metrics-consistency Stated time to resolve `30 minutes` differs from the timeline's `40m` (guessed from `resolved`; mark the entries to be sure)",
];

let scratch: string;

before(() => {
  buildBundles('remark');
  scratch = mkdtempSync(join(tmpdir(), 'postmortem-remark-'));
});

after(() => rmSync(scratch, { recursive: true, force: true }));

async function lint(value: string, path = report, options?: PostmortemOptions) {
  const file = new VFile({ path: join(repo, path), value });
  const processor = unified().use(remarkParse).use(preset, options);
  await processor.run(processor.parse(file), file);
  return file;
}

/** Offset of a 1-based line and column in `text`. */
function offsetOf(text: string, line: number, column: number): number {
  const lines = text.split('\n');
  return lines.slice(0, line - 1).reduce((sum, text) => sum + text.length + 1, 0) + column - 1;
}

describe('in a unified pipeline', () => {
  test('each rule reports through vfile messages, from remark-lint:<rule-id>', async () => {
    const file = await lint(reportText);
    assert.deepEqual(
      file.messages.map((m) => `${m.line}:${m.column} ${m.ruleId} ${m.reason}`),
      expected,
    );
    assert.ok(file.messages.every((m) => m.source === 'remark-lint' && m.url?.endsWith('.md')));
  });

  test("messages carry `expected`: replacing their place with it is the engine's fix", async () => {
    const file = await lint(reportText);
    const { findings } = analyze(reportText, defaultConfig());
    for (const message of file.messages) {
      const finding = findings.find((f) => f.ruleId === message.ruleId)!;
      const { start, end } = message.place as {
        start: { line: number; column: number };
        end: { line: number; column: number };
      };
      const from = offsetOf(reportText, start.line, start.column);
      const to = offsetOf(reportText, end.line, end.column);
      const replaced = reportText.slice(0, from) + message.expected![0] + reportText.slice(to);
      assert.equal(replaced, applyEdits(reportText, finding.fix!.edits), message.ruleId!);
    }
  });

  test('options are the settings of .postmortemrc.json; `<!-- lint disable -->` works', async () => {
    const off = await lint(reportText, report, { rules: { 'timeline-order': 'off' } });
    assert.deepEqual(
      off.messages.map((m) => m.ruleId),
      ['required-sections', 'metrics-consistency'],
    );
    const google = await lint(sample, report, { extends: 'google-sre' });
    assert.ok(google.messages.some((m) => /Missing section `Trigger`/.test(m.reason)));
    const disabled = `<!-- lint disable required-sections metrics-consistency -->\n\n${reportText}`;
    assert.deepEqual(
      (await lint(disabled)).messages.map((m) => m.ruleId),
      ['timeline-order'],
    );
  });

  test('a configuration problem is a warning of the file', async () => {
    const file = await lint(sample, report, { rules: { placeholder: 'loud' } });
    assert.deepEqual(
      file.messages.map((m) => [m.ruleId, m.source, m.fatal]),
      [['configuration', 'postmortem-lint', false]],
    );
    assert.match(file.messages[0]!.reason, /Unknown severity `loud` for `placeholder`/);
  });

  test('every rule is its own plugin', () => {
    assert.deepEqual(Object.keys(rules), [...RULE_IDS]);
  });

  test('a report too large to check fully: the notice as information, no finding on unread text', async () => {
    const logs = '2025-03-15T13:07:00Z INFO request GET /login status=200\n'.repeat(60_000);
    const value = `${sample.replace('## 7. Lessons Learned', '## 7. Closing notes')}\n${logs}`;
    const file = await lint(value, 'large.md');
    assert.deepEqual(
      file.messages.map((m) => [m.ruleId ?? null, m.fatal ?? null, m.reason]),
      [
        [
          null,
          null,
          'This report is too large to check fully (3.2 MB; the limit is 2 MB): only its headings and timeline were checked',
        ],
        [
          'required-sections',
          false,
          'Missing section `Lessons Learned`; expected after `6. Preventative Measures`',
        ],
      ],
    );
  });
});

function remark(args: string[], cwd = repo) {
  return runNode(remarkCli, [...args, '--no-stdout', '--no-color'], { cwd });
}

describe('with remark-cli', () => {
  test('`remark --use server/out/remark/index.mjs` reports the same findings', () => {
    const bad = remark(['--use', './server/out/remark/index.mjs', report]);
    for (const line of expected) {
      const [place, rule] = line.split(' ');
      assert.match(bad.stderr, new RegExp(`${place}-\\S+\\s+warning .*${rule}\\s+remark-lint`));
    }
    assert.match(bad.stderr, /3 warnings/);
    const good = remark([
      '--use',
      './server/out/remark/index.mjs',
      'examples/sample-postmortem.md',
    ]);
    assert.equal(good.status, 0);
    assert.match(good.stderr, /no issues found/);
  });

  test('a .remarkrc.json: a rule off, another an error, with options; .postmortemrc.json read', () => {
    writeFileSync(join(scratch, 'report.md'), reportText);
    writeFileSync(
      join(scratch, '.postmortemrc.json'),
      JSON.stringify({ rules: { 'metrics-consistency': 'off' } }),
    );
    writeFileSync(
      join(scratch, '.remarkrc.json'),
      JSON.stringify({
        plugins: [
          join(bundle, 'index.mjs'),
          [join(bundle, 'rules', 'required-sections.mjs'), ['off']],
          [join(bundle, 'rules', 'timeline-order.mjs'), ['error', { timeZone: 'UTC' }]],
        ],
      }),
    );
    const result = remark(['report.md'], scratch);
    assert.equal(result.status, 1, result.stderr);
    assert.match(
      result.stderr,
      /13:1-17:\d+\s+error\s+Timeline entry `1:10 PM`.*timeline-order\s+remark-lint/,
    );
    assert.doesNotMatch(result.stderr, /required-sections|metrics-consistency/);
    assert.match(result.stderr, /1 error/);
  });
});
