/** The rules as remark-lint plugins: in a unified pipeline, and through `remark --use`. */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, test } from 'node:test';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { VFile } from 'vfile';
import preset from '../../server/src/remark/preset';
import { buildBundles } from '../helpers/build';
import { runNode } from '../helpers/cli';
import { repoRoot as repo } from '../helpers/paths';

const report = 'test/fixtures/editors/postmortems/2025-03-15-login-outage.md';
const expected = [
  '1:1 required-sections Missing section `Lessons Learned`; expected after `6. Preventative Measures`',
  '16:3 timeline-order Timeline entry `1:10 PM` is earlier than the entry before it (`1:15 PM`)',
  "25:31 metrics-consistency Stated time to resolve `30 minutes` differs from the timeline's `40m` (guessed from `resolved`; mark the entries to be sure)",
];

before(() => {
  buildBundles('remark');
});

test('in a unified pipeline, each rule reports through vfile messages', async () => {
  const file = new VFile({ path: report, value: readFileSync(join(repo, report), 'utf8') });
  await unified().use(remarkParse).use(preset).run(unified().use(remarkParse).parse(file), file);
  assert.deepEqual(
    file.messages.map((m) => `${m.line}:${m.column} ${m.ruleId} ${m.reason}`),
    expected,
  );
  assert.ok(file.messages.every((m) => m.source === 'postmortem' && m.url?.endsWith('.md')));
});

test('a report too large to check fully: the notice as information, no finding on unread text', async () => {
  const sample = readFileSync(join(repo, 'examples', 'sample-postmortem.md'), 'utf8');
  const logs = '2025-03-15T13:07:00Z INFO request GET /login status=200\n'.repeat(60_000);
  const value = `${sample.replace('## 7. Lessons Learned', '## 7. Closing notes')}\n${logs}`;
  const file = new VFile({ path: 'large.md', value });
  await unified().use(remarkParse).use(preset).run(unified().use(remarkParse).parse(file), file);
  assert.deepEqual(
    file.messages.map((m) => [m.line, m.ruleId ?? null, m.fatal ?? null, m.reason]),
    [
      [
        1,
        null,
        null,
        'This report is too large to check fully (3.2 MB; the limit is 2 MB): only its headings and timeline were checked',
      ],
      [
        1,
        'required-sections',
        false,
        'Missing section `Lessons Learned`; expected after `6. Preventative Measures`',
      ],
    ],
  );
});

test('`remark --use server/out/remark-preset.mjs` reports the same findings', () => {
  const run = (path: string) =>
    runNode(
      join(repo, 'node_modules/remark-cli/cli.js'),
      ['--use', './server/out/remark-preset.mjs', path, '--no-stdout', '--no-color'],
      { cwd: repo },
    );
  const bad = run(report);
  for (const line of expected) {
    const [place, rule] = line.split(' ');
    assert.match(bad.stderr, new RegExp(`${place}-\\S+\\s+warning .*${rule}\\s+postmortem`));
  }
  assert.match(bad.stderr, /3 warnings/);
  const good = run('examples/sample-postmortem.md');
  assert.equal(good.status, 0);
  assert.match(good.stderr, /no issues found/);
});
