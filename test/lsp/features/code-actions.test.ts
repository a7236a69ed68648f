/**
 * The language server over stdio: `textDocument/codeAction`, quick fixes and source actions.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import type { CodeAction } from 'vscode-languageserver-protocol/node';
import {
  CodeActionKind,
  CodeActionRequest,
  DidChangeConfigurationNotification,
} from 'vscode-languageserver-protocol/node';
import type { OutlineResult } from '../../../server/src/protocol';
import { CODE_ACTION_KINDS, OUTLINE_REQUEST } from '../../../server/src/protocol';
import {
  fixtures,
  sample,
  sampleWithoutLessons,
  listTimeline,
  range,
  editedText,
  requiredLessons,
  lessonsScaffold,
  serverSession,
} from '../../helpers/server-session';

describe('language server over stdio', () => {
  const { client, open, codeActions, replaceText } = serverSession();

  async function setSettings(settings: Record<string, unknown>): Promise<void> {
    client.settings = settings;
    await client.connection.sendNotification(DidChangeConfigurationNotification.type, {
      settings: null,
    });
  }

  test('textDocument/codeAction: the required-sections fix inserts Lessons Learned at the end', async () => {
    const opened = await open('sample.md', sampleWithoutLessons);
    const actions = await codeActions(opened.uri, range(31, 0, 31, 0), opened.diagnostics);
    const diagnostic = requiredLessons(opened.uri, 1).diagnostics[0]!;
    const end = sampleWithoutLessons.split('\n').length - 1;
    assert.deepEqual(actions, [
      {
        title: 'Insert the `Lessons Learned` section',
        kind: 'quickfix',
        diagnostics: [diagnostic],
        isPreferred: true,
        edit: {
          changes: { [opened.uri]: [{ range: range(end, 0, end, 0), newText: lessonsScaffold }] },
        },
      },
      {
        title: 'Disable `required-sections` for this line',
        kind: 'quickfix',
        diagnostics: [diagnostic],
        edit: {
          changes: {
            [opened.uri]: [
              {
                range: range(31, 0, 31, 0),
                newText: '<!-- postmortem-disable-next-line required-sections -->\n',
              },
            ],
          },
        },
      },
      {
        title: 'Disable `required-sections` in this file',
        kind: 'quickfix',
        diagnostics: [diagnostic],
        edit: {
          changes: {
            [opened.uri]: [
              {
                range: range(0, 0, 0, 0),
                newText: '<!-- postmortem-disable required-sections -->\n',
              },
            ],
          },
        },
      },
    ]);
    assert.equal(
      editedText(sampleWithoutLessons, actions[0]!.edit, opened.uri),
      sampleWithoutLessons + lessonsScaffold,
    );
  });

  test('textDocument/codeAction: a byte order mark shifts the first line, CRLF is kept', async () => {
    const crlf = '\uFEFF' + sampleWithoutLessons.replace(/\n/g, '\r\n');
    const opened = await open('sample.md', crlf);
    const diagnostic = requiredLessons(opened.uri, 1).diagnostics[0]!;
    assert.deepEqual(opened.diagnostics, [diagnostic]);
    const actions = await codeActions(opened.uri, diagnostic.range, [diagnostic]);
    assert.deepEqual(
      actions.map((action) => action.edit!.changes![opened.uri]),
      [
        [{ range: range(36, 0, 36, 0), newText: lessonsScaffold.replace(/\n/g, '\r\n') }],
        [
          {
            range: range(31, 0, 31, 0),
            newText: '<!-- postmortem-disable-next-line required-sections -->\r\n',
          },
        ],
        [
          {
            range: range(0, 1, 0, 1),
            newText: '<!-- postmortem-disable required-sections -->\r\n',
          },
        ],
      ],
    );
  });

  test('textDocument/codeAction: every quick fix of the list timeline gives its expected document', async () => {
    const opened = await open('list-timeline.md', listTimeline);
    assert.deepEqual(
      opened.diagnostics.map((diagnostic) => diagnostic.code),
      ['timeline-order', 'metrics-consistency'],
    );
    const expected: Record<string, string> = {
      'timeline-order': readFileSync(join(fixtures, 'list-timeline.sorted.md'), 'utf8'),
      'metrics-consistency': listTimeline.replace(
        '**Time to detect:** 20 minutes',
        '**Time to detect:** 12 minutes',
      ),
    };
    for (const diagnostic of opened.diagnostics) {
      const actions = await codeActions(opened.uri, diagnostic.range, [diagnostic]);
      const fix = actions.find((action) => action.isPreferred);
      assert.ok(fix, `a fix for ${String(diagnostic.code)}`);
      assert.deepEqual(fix.diagnostics, [diagnostic]);
      assert.equal(
        editedText(listTimeline, fix.edit, opened.uri),
        expected[String(diagnostic.code)],
      );
    }
  });

  test('textDocument/codeAction: disabling a rule for a list line keeps the list, and drops it', async () => {
    const opened = await open('list-timeline.md', listTimeline);
    const order = opened.diagnostics.find((diagnostic) => diagnostic.code === 'timeline-order')!;
    const actions = await codeActions(opened.uri, order.range, [order]);
    const disable = actions.find(
      (action) => action.title === 'Disable `timeline-order` for this line',
    )!;
    const text = editedText(listTimeline, disable.edit, opened.uri);
    assert.equal(
      text,
      listTimeline.replace(
        '- 09:10 - On-call engineer acknowledges the page',
        '- 09:10 - On-call engineer acknowledges the page <!-- postmortem-disable-line timeline-order -->',
      ),
    );
    const diagnostics = await replaceText(opened.uri, 2, listTimeline, text);
    assert.deepEqual(
      diagnostics.map((diagnostic) => diagnostic.code),
      ['metrics-consistency'],
    );
  });

  test('textDocument/codeAction: disabling a rule for a table row keeps the table whole', async () => {
    // The 1:10 PM row moved above 1:00 PM: a timeline-order finding on a table row.
    const swapped = sample.replace(
      '| 1:00 PM | PagerDuty alert sent to on-call engineers. |\n| 1:10 PM | Engineers identify high DB connection usage. |',
      '| 1:10 PM | Engineers identify high DB connection usage. |\n| 1:00 PM | PagerDuty alert sent to on-call engineers. |',
    );
    const opened = await open('sample.md', swapped);
    const order = opened.diagnostics.find((diagnostic) => diagnostic.code === 'timeline-order')!;
    assert.equal(order.range.start.line, 15);
    const actions = await codeActions(opened.uri, order.range, [order]);
    const disable = actions.find(
      (action) => action.title === 'Disable `timeline-order` for this line',
    )!;
    const text = editedText(swapped, disable.edit, opened.uri);
    assert.equal(
      text,
      swapped.replace(
        '| 1:00 PM | PagerDuty alert sent to on-call engineers. |',
        '| 1:00 PM | PagerDuty alert sent to on-call engineers. <!-- postmortem-disable-line timeline-order --> |',
      ),
    );
    const diagnostics = await replaceText(opened.uri, 2, swapped, text);
    assert.deepEqual(diagnostics, []);
    const result = await client.request<OutlineResult>(OUTLINE_REQUEST, { uri: opened.uri });
    assert.deepEqual(
      result.timeline.map((entry) => entry.time),
      ['12:55 PM', '1:10 PM', '1:00 PM', '1:15 PM', '1:30 PM', '1:35 PM'],
    );
  });

  test('textDocument/codeAction: disabling a rule in the file goes after front matter', async () => {
    const opened = await open('list-timeline.md', listTimeline);
    const stated = opened.diagnostics.find(
      (diagnostic) => diagnostic.code === 'metrics-consistency',
    )!;
    const actions = await codeActions(opened.uri, stated.range, [stated]);
    const disable = actions.find(
      (action) => action.title === 'Disable `metrics-consistency` in this file',
    )!;
    const text = editedText(listTimeline, disable.edit, opened.uri);
    assert.equal(
      text,
      listTimeline.replace('---\n\n#', '---\n<!-- postmortem-disable metrics-consistency -->\n\n#'),
    );
    const diagnostics = await replaceText(opened.uri, 2, listTimeline, text);
    assert.deepEqual(
      diagnostics.map((diagnostic) => diagnostic.code),
      ['timeline-order'],
    );
  });

  test('textDocument/codeAction: source.fixAll applies only the safe fixes', async () => {
    const opened = await open('list-timeline.md', listTimeline);
    const actions = await codeActions(
      opened.uri,
      range(0, 0, 0, 0),
      [],
      [CODE_ACTION_KINDS.fixAll],
    );
    assert.deepEqual(
      actions.map((action) => [action.title, action.kind]),
      [['Apply all safe post-mortem fixes', CODE_ACTION_KINDS.fixAll]],
    );
    assert.equal(
      editedText(listTimeline, actions[0]!.edit, opened.uri),
      readFileSync(join(fixtures, 'list-timeline.sorted.md'), 'utf8'),
    );
  });

  test('textDocument/codeAction: metadata fixes write the scale, the day and the known fields', async (t) => {
    await setSettings({
      metadata: { required: ['id', 'status'], idPattern: 'INC-{yyyy}{mm}{dd}' },
    });
    t.after(() => setSettings({}));
    const text = '---\r\ndate: 15 March 2025\r\nseverity: sev-2\r\n---\r\n\r\n# Outage\r\n';
    const opened = await open('metadata-postmortem.md', text);
    const metadata = opened.diagnostics.filter((d) => d.code === 'metadata');
    const fixes = await Promise.all(
      metadata.map(async (diagnostic) => {
        const actions = await codeActions(opened.uri, diagnostic.range, [diagnostic]);
        const fix = actions.find((action) => !action.title.startsWith('Disable'))!;
        return [fix.title, editedText(text, fix.edit, opened.uri)];
      }),
    );
    assert.deepEqual(fixes, [
      [
        'Write `id: INC-20250315` and `status: draft` into the front matter',
        '---\r\nid: INC-20250315\r\ndate: 15 March 2025\r\nseverity: sev-2\r\nstatus: draft\r\n---\r\n\r\n# Outage\r\n',
      ],
      [
        'Write `2025-03-15`',
        '---\r\ndate: 2025-03-15\r\nseverity: sev-2\r\n---\r\n\r\n# Outage\r\n',
      ],
      ['Write `SEV2`', '---\r\ndate: 15 March 2025\r\nseverity: SEV2\r\n---\r\n\r\n# Outage\r\n'],
    ]);
  });

  test('textDocument/codeAction: source.postmortem.insertMissingSections inserts them in schema order', async () => {
    const withoutLastThree = sample.slice(0, sample.indexOf('## 5. Resolution'));
    const opened = await open('sample.md', withoutLastThree);
    const actions = await codeActions(
      opened.uri,
      range(0, 0, 0, 0),
      [],
      [CODE_ACTION_KINDS.insertMissingSections],
    );
    assert.equal(actions.length, 1);
    assert.equal(
      editedText(withoutLastThree, actions[0]!.edit, opened.uri),
      withoutLastThree +
        '## 5. Resolution & Recovery\n\n- **Temporary Fix:** \n- **Permanent Fix:** \n\n' +
        '## 6. Preventative Measures\n\n- [ ] \n\n' +
        lessonsScaffold,
    );
  });

  test('textDocument/codeAction: insertMissingSections closes a code block left open at the end first', async () => {
    const withoutLastThree = sample.slice(0, sample.indexOf('## 5. Resolution'));
    const openFence = `${withoutLastThree}\`\`\`\nlog line\n`;
    const opened = await open('open-fence.md', openFence);
    const actions = await codeActions(
      opened.uri,
      range(0, 0, 0, 0),
      [],
      [CODE_ACTION_KINDS.insertMissingSections],
    );
    const text = editedText(openFence, actions[0]!.edit, opened.uri);
    assert.ok(
      text.startsWith(`${openFence}\`\`\`\n\n## 5. Resolution & Recovery\n`),
      text.slice(-400),
    );
    assert.equal(text.split('\n').filter((line) => line === '## 7. Lessons Learned').length, 1);
    assert.ok(text.endsWith(lessonsScaffold));
  });

  test('textDocument/codeAction: insertMissingSections leaves the unsafe preset line out', async () => {
    // The SRE book's layout, every section there: read by google-sre, nothing to insert.
    const sre = ['Summary', 'Impact', 'Root Causes', 'Trigger', 'Resolution', 'Detection']
      .concat(['Action Items', 'Lessons Learned', 'Timeline'])
      .map((title) => `## ${title}\n\nText.\n`)
      .join('\n');
    const opened = await open('sre.md', `# Outage\n\n${sre}`);
    assert.deepEqual(
      await codeActions(
        opened.uri,
        range(0, 0, 0, 0),
        [],
        [CODE_ACTION_KINDS.insertMissingSections],
      ),
      [],
    );
  });

  test('textDocument/codeAction: source.postmortem.sortTimeline sorts, and is absent when sorted', async () => {
    const opened = await open('list-timeline.md', listTimeline);
    const [sort] = await codeActions(
      opened.uri,
      range(0, 0, 0, 0),
      [],
      [CODE_ACTION_KINDS.sortTimeline],
    );
    assert.equal(sort!.title, 'Sort the timeline');
    assert.equal(
      editedText(listTimeline, sort!.edit, opened.uri),
      readFileSync(join(fixtures, 'list-timeline.sorted.md'), 'utf8'),
    );
    const sorted = await open('sample.md', sample);
    assert.deepEqual(
      await codeActions(sorted.uri, range(0, 0, 0, 0), [], [CODE_ACTION_KINDS.sortTimeline]),
      [],
    );
  });

  test('textDocument/codeAction: source actions too, when asked for explicitly', async () => {
    const opened = await open('list-timeline.md', listTimeline);
    const actions = (await client.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri: opened.uri },
      range: range(0, 0, 0, 0),
      context: { diagnostics: [], triggerKind: 1 },
    })) as CodeAction[];
    assert.deepEqual(
      actions.map((action) => action.kind),
      [CODE_ACTION_KINDS.fixAll, CODE_ACTION_KINDS.sortTimeline],
    );
  });

  test('textDocument/codeAction: quick fixes only, when only quick fixes are asked for', async () => {
    const opened = await open('list-timeline.md', listTimeline);
    const actions = await codeActions(opened.uri, range(0, 0, 40, 0), opened.diagnostics, [
      CodeActionKind.QuickFix,
    ]);
    assert.equal(
      actions.every((action) => action.kind === 'quickfix'),
      true,
    );
    assert.equal(actions.length, 6);
  });
});

describe('a whole-document request over thousands of findings', () => {
  const { open, codeActions } = serverSession();

  test(
    'answers one fix or suppression per finding, in time linear in them',
    { timeout: 120_000 },
    async () => {
      // 4,000 rows without AM or PM in a 12-hour timeline: a finding each. Quadratic, this
      // request took minutes (2,000 findings: 29 s).
      const rows = Array.from(
        { length: 4_000 },
        (_, i) => `| 1:${String(i % 60).padStart(2, '0')} | step ${i} |`,
      );
      const text = sample.replace('| 1:35 PM |', `${rows.join('\n')}\n| 1:35 PM |`);
      const opened = await open('many-findings.md', text);
      assert.equal(opened.diagnostics.length, 4_000);
      const actions = await codeActions(
        opened.uri,
        range(0, 0, text.split('\n').length, 0),
        opened.diagnostics,
      );
      const lineActions = actions.filter((action) => action.title.endsWith('for this line'));
      assert.equal(lineActions.length, 4_000);
      // Each comment goes at the end of its row's event cell.
      const first = lineActions[0]!.edit!.changes![opened.uri]![0]!;
      const row = text.split('\n')[first.range.start.line]!;
      assert.equal(row.slice(0, first.range.start.character), '| 1:00 | step 0');
      assert.equal(first.newText, ' <!-- postmortem-disable-line timeline-time -->');
    },
  );
});
