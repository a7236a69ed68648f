/**
 * The language server over stdio: the real `server/out/server.js` process, spoken to with
 * `vscode-languageserver-protocol`. Each test names the LSP method it exercises. One file, so
 * that the bundle is built once and no two test processes rebuild it at the same time.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type {
  CodeAction,
  CodeLens,
  CompletionItem,
  Diagnostic,
  DocumentSymbol,
  FoldingRange,
  Hover,
  InlayHint,
  Range,
  WorkspaceEdit,
} from 'vscode-languageserver-protocol/node';
import {
  CodeActionKind,
  CodeActionRequest,
  CodeLensRequest,
  CompletionRequest,
  DiagnosticSeverity,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  DocumentSymbolRequest,
  ExecuteCommandRequest,
  FileChangeType,
  FoldingRangeRequest,
  HoverRequest,
  InlayHintRequest,
} from 'vscode-languageserver-protocol/node';
import { analyze } from '../../server/src/engine/analyze';
import { defaultConfig } from '../../server/src/engine/config/defaults';
import { ruleUrl } from '../../server/src/engine/rules/rule';
import { formatNowLike } from '../../server/src/engine/timeline/read';
import { renderTemplate } from '../../server/src/engine/sections/template';
import { googleSre } from '../../server/src/engine/sections/presets/google-sre';
import { standard } from '../../server/src/engine/sections/presets/standard';
import type {
  NewTimelineEntryResult,
  OutlineResult,
  TemplateResult,
} from '../../server/src/protocol';
import {
  CODE_ACTION_KINDS,
  NEW_TIMELINE_ENTRY_REQUEST,
  OUTLINE_REQUEST,
  SHOW_METRICS_COMMAND,
  TEMPLATE_REQUEST,
} from '../../server/src/protocol';
import { applyTextEdits, buildServer, pathUri, repoRoot, TestClient } from '../helpers/lsp-client';

const fixtures = join(repoRoot, 'test', 'fixtures', 'server');
const sample = readFileSync(join(repoRoot, 'examples', 'sample-postmortem.md'), 'utf8');
const sampleWithoutLessons = sample.slice(0, sample.indexOf('## 7. Lessons Learned'));
const listTimeline = readFileSync(join(fixtures, 'list-timeline.md'), 'utf8');

/** An empty folder of its own, so no configuration file above a test document applies. */
const scratch = mkdtempSync(join(tmpdir(), 'postmortem-server-'));
let counter = 0;
/** A fresh `file:` URI in the scratch folder (the file need not exist: its text is sent). */
function uri(name: string): string {
  counter++;
  return pathUri(join(scratch, `${counter}-${name}`));
}

function range(startLine: number, startChar: number, endLine: number, endChar: number): Range {
  return {
    start: { line: startLine, character: startChar },
    end: { line: endLine, character: endChar },
  };
}

function editedText(text: string, edit: WorkspaceEdit | undefined, documentUri: string): string {
  return applyTextEdits(text, edit?.changes?.[documentUri] ?? []);
}

/** What the sample without its Lessons Learned section is published with. */
const requiredLessons = (
  documentUri: string,
  version: number,
): { uri: string; version: number; diagnostics: Diagnostic[] } => ({
  uri: documentUri,
  version,
  diagnostics: [
    {
      range: range(0, 0, 0, 41),
      severity: DiagnosticSeverity.Warning,
      code: 'required-sections',
      codeDescription: { href: ruleUrl('required-sections') },
      source: 'postmortem',
      message: 'Missing section `Lessons Learned`; expected after `6. Preventative Measures`',
    },
  ],
});

const lessonsScaffold =
  '## Lessons Learned\n\n- **What Worked Well:** \n- **What Needs Improvement:** \n';

before(() => buildServer());
after(() => rmSync(scratch, { recursive: true, force: true }));

describe('language server over stdio', () => {
  let client: TestClient;
  before(async () => {
    client = await TestClient.start({ folders: [scratch] });
  });
  after(async () => {
    assert.equal(await client.stop(), 0);
  });

  /** Opens a document and waits for its first diagnostics. */
  async function open(
    name: string,
    text: string,
  ): Promise<{ uri: string; diagnostics: Diagnostic[] }> {
    const documentUri = uri(name);
    const published = client.diagnosticsFor(documentUri, 1);
    await client.open(documentUri, text);
    return { uri: documentUri, diagnostics: (await published).diagnostics };
  }

  /** Code actions as an editor asks for them while the cursor moves (`Automatic`), or for `only`. */
  async function codeActions(
    documentUri: string,
    at: Range,
    diagnostics: Diagnostic[],
    only?: string[],
  ): Promise<CodeAction[]> {
    return (await client.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri: documentUri },
      range: at,
      context: only ? { diagnostics, only } : { diagnostics, triggerKind: 2 },
    })) as CodeAction[];
  }

  /** Replaces the whole text (as an incremental change of everything) and waits for diagnostics. */
  async function replaceText(
    documentUri: string,
    version: number,
    oldText: string,
    newText: string,
  ): Promise<Diagnostic[]> {
    const lines = oldText.split('\n');
    const published = client.diagnosticsFor(documentUri, version);
    await client.change(documentUri, version, [
      { range: range(0, 0, lines.length - 1, lines[lines.length - 1]!.length), text: newText },
    ]);
    return (await published).diagnostics;
  }

  test('initialize: announces every feature', () => {
    assert.deepEqual(client.initializeResult.capabilities, {
      textDocumentSync: { openClose: true, change: 2 },
      codeActionProvider: {
        codeActionKinds: [
          'quickfix',
          'source.fixAll.postmortem',
          'source.postmortem.insertMissingSections',
          'source.postmortem.sortTimeline',
        ],
      },
      codeLensProvider: { resolveProvider: false },
      inlayHintProvider: true,
      hoverProvider: true,
      completionProvider: { triggerCharacters: ['[', '#', '|'] },
      documentSymbolProvider: true,
      foldingRangeProvider: true,
      executeCommandProvider: { commands: [SHOW_METRICS_COMMAND] },
      workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
    });
  });

  test('textDocument/publishDiagnostics: the sample without Lessons Learned has one warning', async () => {
    const opened = await open('sample.md', sampleWithoutLessons);
    assert.deepEqual(
      { uri: opened.uri, version: 1, diagnostics: opened.diagnostics },
      requiredLessons(opened.uri, 1),
    );
  });

  test('textDocument/publishDiagnostics: the whole sample has none', async () => {
    const opened = await open('sample.md', sample);
    assert.deepEqual(opened.diagnostics, []);
  });

  test('textDocument/didChange: incremental edits are re-checked, version by version', async () => {
    // Named like a post-mortem, so it stays one when its timeline heading is renamed.
    const opened = await open('login-postmortem.md', sampleWithoutLessons);
    const end = sampleWithoutLessons.split('\n').length - 1;
    // Version 2: the missing section is typed at the end.
    const v2 = client.diagnosticsFor(opened.uri, 2);
    await client.change(opened.uri, 2, [
      { range: range(end, 0, end, 0), text: '## 7. Lessons Learned\nAlerts worked.\n' },
    ]);
    assert.deepEqual(await v2, { uri: opened.uri, version: 2, diagnostics: [] });
    // Version 3: `Timeline` becomes `Timing`, so the timeline section is gone.
    const v3 = client.diagnosticsFor(opened.uri, 3);
    await client.change(opened.uri, 3, [{ range: range(10, 6, 10, 14), text: 'Timing' }]);
    assert.deepEqual(await v3, {
      uri: opened.uri,
      version: 3,
      diagnostics: [
        {
          range: range(0, 0, 0, 41),
          severity: 2,
          code: 'required-sections',
          codeDescription: { href: ruleUrl('required-sections') },
          source: 'postmortem',
          message: 'Missing section `Timeline`; expected after `2. Impact`',
        },
      ],
    });
  });

  test('textDocument/didChange: after several quick edits the newest version is published', async () => {
    const opened = await open('sample.md', sample);
    // Each edit replaces the re-check the one before it scheduled.
    await client.change(opened.uri, 2, [{ range: range(10, 6, 10, 14), text: 'Timing' }]);
    await client.change(opened.uri, 3, [{ range: range(10, 6, 10, 12), text: 'Timeline' }]);
    const v4 = client.diagnosticsFor(opened.uri, 4);
    await client.change(opened.uri, 4, [{ range: range(2, 6, 2, 13), text: 'Summary' }]);
    const published = await v4;
    assert.deepEqual(published, { uri: opened.uri, version: 4, diagnostics: [] });
    // The outline is of version 4, whatever was scheduled before it.
    const result = await client.request<OutlineResult>(OUTLINE_REQUEST, { uri: opened.uri });
    assert.equal(
      result.sections.every((section) => section.state === 'present'),
      true,
    );
  });

  test('textDocument/codeAction: the required-sections fix inserts Lessons Learned at the end', async () => {
    const opened = await open('sample.md', sampleWithoutLessons);
    const actions = await codeActions(opened.uri, range(0, 0, 0, 0), opened.diagnostics);
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
                range: range(0, 0, 0, 0),
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
    const diagnostic = {
      ...requiredLessons(opened.uri, 1).diagnostics[0]!,
      range: range(0, 1, 0, 42),
    };
    assert.deepEqual(opened.diagnostics, [diagnostic]);
    const actions = await codeActions(opened.uri, diagnostic.range, [diagnostic]);
    assert.deepEqual(
      actions.map((action) => action.edit!.changes![opened.uri]),
      [
        [{ range: range(36, 0, 36, 0), newText: lessonsScaffold.replace(/\n/g, '\r\n') }],
        [
          {
            range: range(0, 1, 0, 1),
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

  test('textDocument/codeAction: disabling a rule for a list line, then re-checking, drops it', async () => {
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
        '- 09:10 - On-call',
        '<!-- postmortem-disable-next-line timeline-order -->\n- 09:10 - On-call',
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
        '## Resolution & Recovery\n\n- **Temporary Fix:** \n- **Permanent Fix:** \n\n' +
        '## Preventative Measures\n\n- [ ] \n\n' +
        lessonsScaffold,
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

  test('textDocument/codeLens: metrics above the timeline heading', async () => {
    const opened = await open('sample.md', sample);
    const lenses = (await client.connection.sendRequest(CodeLensRequest.type, {
      textDocument: { uri: opened.uri },
    })) as CodeLens[];
    assert.deepEqual(lenses, [
      {
        range: range(10, 0, 10, 14),
        command: {
          title: 'TTD 0m · TTA 5m · TTM 20m · TTR 40m',
          command: SHOW_METRICS_COMMAND,
          arguments: [opened.uri],
        },
      },
    ]);
  });

  test('textDocument/codeLens: missing milestones say how to mark them; stated metrics get values', async () => {
    const unresolved = listTimeline.replace(
      'Latency back to normal [resolved]',
      'Latency at its usual level',
    );
    const opened = await open('list-timeline.md', unresolved);
    const lenses = (await client.connection.sendRequest(CodeLensRequest.type, {
      textDocument: { uri: opened.uri },
    })) as CodeLens[];
    const command = (title: string) => ({
      title,
      command: SHOW_METRICS_COMMAND,
      arguments: [opened.uri],
    });
    assert.deepEqual(lenses, [
      { range: range(14, 0, 14, 11), command: command('TTD 12m · TTA — · TTM 30m · TTR —') },
      {
        range: range(14, 0, 14, 11),
        command: command(
          'Acknowledged: marked only before the detection — add [acknowledged] to a later entry',
        ),
      },
      {
        range: range(14, 0, 14, 11),
        command: command('Resolved: not marked — add [resolved] to an entry'),
      },
      { range: range(31, 2, 31, 32), command: command('Computed from timeline: 12m') },
      {
        range: range(32, 2, 32, 33),
        command: command(
          "Computed from timeline: not available (TTR needs the timeline's milestones)",
        ),
      },
    ]);
  });

  test('textDocument/codeLens: a timeline without times says so once', async () => {
    const opened = await open('new-postmortem.md', renderTemplate(standard, 'Login', '2025-03-15'));
    const lenses = (await client.connection.sendRequest(CodeLensRequest.type, {
      textDocument: { uri: opened.uri },
    })) as CodeLens[];
    assert.deepEqual(
      lenses.map((lens) => [lens.range.start.line, lens.command!.title]),
      [
        [13, 'TTD — · TTA — · TTM — · TTR —'],
        [13, 'Start: no entry with a readable time'],
      ],
    );
  });

  test('workspace/executeCommand: the metrics breakdown is shown with window/showMessage', async () => {
    const opened = await open('sample.md', sample);
    const shown = client.nextMessage();
    const result = await client.connection.sendRequest(ExecuteCommandRequest.type, {
      command: SHOW_METRICS_COMMAND,
      arguments: [opened.uri],
    });
    const message = [
      'Metrics from the timeline:',
      'TTD 0m: start 12:55 PM “Automated monitoring detects increased DB errors.” → detected 12:55 PM “Automated monitoring detects increased DB errors.”.',
      'TTA 5m: detected 12:55 PM “Automated monitoring detects increased DB errors.” → acknowledged 1:00 PM “PagerDuty alert sent to on-call engineers.”.',
      'TTM 20m: start 12:55 PM “Automated monitoring detects increased DB errors.” → mitigated 1:15 PM “Temporary fix applied (manually restarted DB).”.',
      'TTR 40m: start 12:55 PM “Automated monitoring detects increased DB errors.” → resolved 1:35 PM “Issue marked as resolved.”.',
    ].join('\n');
    assert.deepEqual(await shown, { type: 3, message });
    assert.equal(result, message);
  });

  test('textDocument/inlayHint: elapsed time after each timeline time', async () => {
    const opened = await open('sample.md', sample);
    const hints = (await client.connection.sendRequest(InlayHintRequest.type, {
      textDocument: { uri: opened.uri },
      range: range(0, 0, 40, 0),
    })) as InlayHint[];
    const hint = (line: number, character: number, label: string) => ({
      position: { line, character },
      label,
      paddingLeft: true,
      tooltip: 'Time since the incident started (12:55 PM)',
    });
    assert.deepEqual(hints, [
      hint(13, 10, 'T+0m'),
      hint(14, 9, 'T+5m'),
      hint(15, 9, 'T+15m'),
      hint(16, 9, 'T+20m'),
      hint(17, 9, 'T+35m'),
      hint(18, 9, 'T+40m'),
    ]);
  });

  test('textDocument/hover: a timeline time, read, with elapsed times and milestones', async () => {
    const opened = await open('sample.md', sample);
    const hover = (await client.connection.sendRequest(HoverRequest.type, {
      textDocument: { uri: opened.uri },
      position: { line: 14, character: 4 },
    })) as Hover;
    assert.deepEqual(hover, {
      contents: {
        kind: 'markdown',
        value: [
          '`1:00 PM` is 13:00 (no date, UTC)',
          'T+5m since the start · +5m after `12:55 PM`',
          'Marks **detected**: keyword `page` (the milestone is at `12:55 PM`); **acknowledged**: keyword `on-call`',
        ].join('\n\n'),
      },
      range: range(14, 2, 14, 9),
    });
    const elsewhere = await client.connection.sendRequest(HoverRequest.type, {
      textDocument: { uri: opened.uri },
      position: { line: 3, character: 4 },
    });
    assert.equal(elsewhere, null);
  });

  test('textDocument/completion: milestone markers after `[` in a timeline row', async () => {
    const text = listTimeline.replace('acknowledges the page', 'acknowledges the page [');
    const opened = await open('list-timeline.md', text);
    assert.equal(text.split('\n')[20], '- 09:10 - On-call engineer acknowledges the page [');
    const items = (await client.connection.sendRequest(CompletionRequest.type, {
      textDocument: { uri: opened.uri },
      position: { line: 20, character: 50 },
    })) as CompletionItem[];
    assert.deepEqual(
      items.map((item) => [item.label, item.textEdit]),
      ['start', 'detected', 'acknowledged', 'mitigated', 'resolved'].map((milestone) => [
        `[${milestone}]`,
        { range: range(20, 49, 20, 50), newText: `[${milestone}]` },
      ]),
    );
  });

  test('textDocument/completion: section headings on an empty line, missing ones first', async () => {
    const opened = await open('sample.md', sampleWithoutLessons);
    const items = (await client.connection.sendRequest(CompletionRequest.type, {
      textDocument: { uri: opened.uri },
      position: { line: 1, character: 0 },
    })) as CompletionItem[];
    const sorted = [...items].sort((a, b) => a.sortText!.localeCompare(b.sortText!));
    assert.deepEqual(sorted[0], {
      label: 'Lessons Learned',
      kind: 9,
      detail: 'Missing section',
      sortText: '0-006',
      filterText: '## Lessons Learned',
      insertTextFormat: 1,
      textEdit: {
        range: range(1, 0, 1, 0),
        newText: '## Lessons Learned\n\n- **What Worked Well:** \n- **What Needs Improvement:** ',
      },
    });
    assert.deepEqual(
      sorted.slice(1).map((item) => [item.label, item.detail]),
      standard.sections.slice(0, 6).map((spec) => [spec.title, 'Already in this report']),
    );
  });

  test('textDocument/completion: on a heading line, the heading text only', async () => {
    const text = sampleWithoutLessons + '## Less';
    const opened = await open('sample.md', text);
    const line = text.split('\n').length - 1;
    const items = (await client.connection.sendRequest(CompletionRequest.type, {
      textDocument: { uri: opened.uri },
      position: { line, character: 7 },
    })) as CompletionItem[];
    const lessons = items.find((item) => item.label === 'Lessons Learned')!;
    assert.deepEqual(lessons.textEdit, {
      range: range(line, 0, line, 7),
      newText: '## Lessons Learned',
    });
  });

  test('textDocument/completion: the current time at the start of a timeline item', async () => {
    const text = listTimeline.replace(
      '- 09:40 - Latency back to normal [resolved]\n',
      '- 09:40 - Latency back to normal [resolved]\n- ',
    );
    const opened = await open('list-timeline.md', text);
    const before = new Date();
    const items = (await client.connection.sendRequest(CompletionRequest.type, {
      textDocument: { uri: opened.uri },
      position: { line: 23, character: 2 },
    })) as CompletionItem[];
    const afterRequest = new Date();
    assert.equal(items.length, 1);
    const [item] = items;
    // The clock may tick between the two readings: the label is one of them.
    const timeline = analyze(text, defaultConfig()).model.timeline!;
    const times = [before, afterRequest].map((now) => formatNowLike(timeline, now));
    assert.ok(times.includes(item!.label), `${item!.label} is one of ${times.join(', ')}`);
    assert.deepEqual(item!.textEdit, { range: range(23, 2, 23, 2), newText: item!.label });
  });

  test('textDocument/documentSymbol: headings nested, timeline entries under the timeline', async () => {
    const opened = await open('sample.md', sample);
    const symbols = (await client.connection.sendRequest(DocumentSymbolRequest.type, {
      textDocument: { uri: opened.uri },
    })) as DocumentSymbol[];
    // A section's range ends at the end of its last line with content, trailing spaces dropped.
    const contentEnd = (line: number) => sample.split('\n')[line]!.trimEnd().length;
    const section = (
      name: string,
      detail: string,
      line: number,
      endLine: number,
      children: DocumentSymbol[] = [],
    ): DocumentSymbol => ({
      name,
      kind: 2,
      range: range(line, 0, endLine, contentEnd(endLine)),
      selectionRange: range(line, 0, line, name.length + 3),
      children,
      detail,
    });
    const entry = (line: number, time: string, description: string): DocumentSymbol => ({
      name: time,
      detail: description,
      kind: 24,
      range: range(line, 0, line, 7 + time.length + description.length),
      selectionRange: range(line, 2, line, 2 + time.length),
    });
    assert.deepEqual(symbols, [
      {
        name: 'Post-Mortem Report: Login System Outage',
        kind: 15,
        range: range(0, 0, 38, contentEnd(38)),
        selectionRange: range(0, 0, 0, 41),
        children: [
          section('1. Summary', 'Summary', 2, 3),
          section('2. Impact', 'Impact', 5, 8),
          section('3. Timeline', 'Timeline', 10, 18, [
            entry(13, '12:55 PM', 'Automated monitoring detects increased DB errors.'),
            entry(14, '1:00 PM', 'PagerDuty alert sent to on-call engineers.'),
            entry(15, '1:10 PM', 'Engineers identify high DB connection usage.'),
            entry(16, '1:15 PM', 'Temporary fix applied (manually restarted DB).'),
            entry(17, '1:30 PM', 'Permanent fix implemented (optimized DB queries).'),
            entry(18, '1:35 PM', 'Issue marked as resolved.'),
          ]),
          section('4. Root Cause Analysis', 'Root Cause Analysis', 20, 22),
          section('5. Resolution & Recovery', 'Resolution & Recovery', 24, 29),
          section('6. Preventative Measures', 'Preventative Measures', 31, 34),
          section('7. Lessons Learned', 'Lessons Learned', 36, 38),
        ],
      },
    ]);
  });

  test('textDocument/foldingRange: one range per heading', async () => {
    const opened = await open('sample.md', sample);
    const ranges = (await client.connection.sendRequest(FoldingRangeRequest.type, {
      textDocument: { uri: opened.uri },
    })) as FoldingRange[];
    assert.deepEqual(ranges, [
      { startLine: 0, endLine: 38 },
      { startLine: 2, endLine: 3 },
      { startLine: 5, endLine: 8 },
      { startLine: 10, endLine: 18 },
      { startLine: 20, endLine: 22 },
      { startLine: 24, endLine: 29 },
      { startLine: 31, endLine: 34 },
      { startLine: 36, endLine: 38 },
    ]);
  });

  test('postmortem/outline: sections in schema order, entries with milestones, metrics', async () => {
    const withEmptyImpact = sample.replace(
      /## 2\. Impact\n[^#]*/,
      '## 2. Impact\n<!-- Who was affected, and how badly? -->\n\n',
    );
    const opened = await open(
      'sample.md',
      withEmptyImpact.slice(0, withEmptyImpact.indexOf('## 7.')),
    );
    const result = await client.request<OutlineResult>(OUTLINE_REQUEST, { uri: opened.uri });
    const heading = (line: number, length: number) => range(line, 0, line, length);
    const entry = (line: number, time: string, description: string, milestones: string[]) => ({
      time,
      description,
      range: range(line, 0, line, 7 + time.length + description.length),
      milestones,
    });
    assert.deepEqual(result, {
      uri: opened.uri,
      isPostmortem: true,
      sections: [
        {
          id: 'summary',
          title: 'Summary',
          required: true,
          state: 'present',
          range: heading(2, 13),
        },
        { id: 'impact', title: 'Impact', required: true, state: 'empty', range: heading(5, 12) },
        {
          id: 'timeline',
          title: 'Timeline',
          required: true,
          state: 'present',
          range: heading(8, 14),
        },
        {
          id: 'rca',
          title: 'Root Cause Analysis',
          required: true,
          state: 'present',
          range: heading(18, 25),
        },
        {
          id: 'resolution',
          title: 'Resolution & Recovery',
          required: true,
          state: 'present',
          range: heading(22, 27),
        },
        {
          id: 'prevention',
          title: 'Preventative Measures',
          required: true,
          state: 'present',
          range: heading(29, 27),
        },
        { id: 'lessons', title: 'Lessons Learned', required: true, state: 'missing', range: null },
      ],
      timeline: [
        entry(11, '12:55 PM', 'Automated monitoring detects increased DB errors.', [
          'start',
          'detected',
        ]),
        entry(12, '1:00 PM', 'PagerDuty alert sent to on-call engineers.', ['acknowledged']),
        entry(13, '1:10 PM', 'Engineers identify high DB connection usage.', []),
        entry(14, '1:15 PM', 'Temporary fix applied (manually restarted DB).', ['mitigated']),
        entry(15, '1:30 PM', 'Permanent fix implemented (optimized DB queries).', []),
        entry(16, '1:35 PM', 'Issue marked as resolved.', ['resolved']),
      ],
      metrics: { timeToDetect: 0, timeToAcknowledge: 5, timeToMitigate: 20, timeToResolve: 40 },
    });
  });

  test('postmortem/outlineChanged: sent after each analysis', async () => {
    const documentUri = uri('sample.md');
    const changed = client.outlineChanged(documentUri);
    await client.open(documentUri, sample);
    assert.deepEqual(await changed, { uri: documentUri });
  });

  test('postmortem/newTimelineEntry: a table row after the last row, as many cells', async () => {
    const opened = await open('sample.md', sample);
    const result = await client.request<NewTimelineEntryResult>(NEW_TIMELINE_ENTRY_REQUEST, {
      uri: opened.uri,
      now: '2025-03-15T14:05:00Z',
    });
    assert.deepEqual(result, {
      position: { line: 19, character: 0 },
      snippet: '| 2:05 PM | $0 |\n',
    });
  });

  test('postmortem/newTimelineEntry: a list item shaped like the last one', async () => {
    const opened = await open('list-timeline.md', listTimeline);
    const result = await client.request<NewTimelineEntryResult>(NEW_TIMELINE_ENTRY_REQUEST, {
      uri: opened.uri,
      now: '2025-03-15T14:05:00Z',
    });
    assert.deepEqual(result, { position: { line: 23, character: 0 }, snippet: '- 14:05 - $0\n' });
  });

  test('postmortem/newTimelineEntry: the first row of an empty table goes under its header', async () => {
    const opened = await open('new-postmortem.md', renderTemplate(standard, 'Login', '2025-03-15'));
    const result = await client.request<NewTimelineEntryResult>(NEW_TIMELINE_ENTRY_REQUEST, {
      uri: opened.uri,
      now: '2025-03-15T14:05:00Z',
    });
    // The header says `Time (UTC)`: the time is written in UTC, 24-hour while no row says otherwise.
    assert.deepEqual(result, { position: { line: 17, character: 0 }, snippet: '| 14:05 | $0 |\n' });
  });

  test('postmortem/template: the default schema, a preset, and an unknown preset', async () => {
    const standardResult = await client.request<TemplateResult>(TEMPLATE_REQUEST, {
      title: 'Login outage',
      date: '2025-03-15',
    });
    assert.deepEqual(standardResult, {
      text: renderTemplate(standard, 'Login outage', '2025-03-15'),
    });
    assert.equal(standardResult.text.split('\n')[0], '# Post-Mortem: Login outage');
    const sre = await client.request<TemplateResult>(TEMPLATE_REQUEST, {
      preset: 'google-sre',
      title: 'Login outage',
      date: '2025-03-15',
    });
    // Not the configured sections: the report names its preset, to be checked against it.
    assert.deepEqual(sre, {
      text: renderTemplate(googleSre, 'Login outage', '2025-03-15', 'google-sre'),
    });
    assert.ok(sre.text.startsWith('---\ntype: postmortem\npreset: google-sre\n---\n'));
    const same = await client.request<TemplateResult>(TEMPLATE_REQUEST, {
      preset: 'standard',
      title: 'Login outage',
      date: '2025-03-15',
    });
    assert.deepEqual(same, standardResult);
    await assert.rejects(
      client.request(TEMPLATE_REQUEST, { preset: 'nope', title: 'x', date: '2025-03-15' }),
      (error: { code: number; message: string }) => {
        assert.equal(error.code, -32602);
        assert.match(error.message, /^Unknown preset `nope`; expected one of `standard`/);
        return true;
      },
    );
  });

  test('textDocument/publishDiagnostics: a README gets nothing', async () => {
    const documentUri = pathUri(join(scratch, 'docs', 'README.md'));
    const published = client.diagnosticsFor(documentUri, 1);
    await client.open(documentUri, readFileSync(join(fixtures, 'readme.md'), 'utf8'));
    assert.deepEqual(await published, { uri: documentUri, version: 1, diagnostics: [] });
    const lenses = await client.connection.sendRequest(CodeLensRequest.type, {
      textDocument: { uri: documentUri },
    });
    assert.deepEqual(lenses, []);
    const hints = await client.connection.sendRequest(InlayHintRequest.type, {
      textDocument: { uri: documentUri },
      range: range(0, 0, 20, 0),
    });
    assert.deepEqual(hints, []);
    const result = await client.request<OutlineResult>(OUTLINE_REQUEST, { uri: documentUri });
    assert.deepEqual(result, {
      uri: documentUri,
      isPostmortem: false,
      sections: [],
      timeline: [],
      metrics: null,
    });
  });

  test('textDocument/publishDiagnostics: a file under postmortems/ is checked whatever it holds', async () => {
    const documentUri = pathUri(join(scratch, 'postmortems', 'draft.md'));
    const published = client.diagnosticsFor(documentUri, 1);
    await client.open(documentUri, '# Draft\n\n## Summary\n\nTBD\n');
    const { diagnostics } = await published;
    assert.deepEqual(
      diagnostics.map((diagnostic) => diagnostic.code),
      [...Array(6).fill('required-sections'), 'empty-section'],
    );
  });

  test('textDocument/didOpen: binary junk does not stop the server', async () => {
    const junk = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256)).toString(
      'latin1',
    );
    const documentUri = pathUri(join(scratch, 'postmortems', 'junk.md'));
    const published = client.diagnosticsFor(documentUri, 1);
    await client.open(documentUri, junk);
    await published;
    const result = await client.request<OutlineResult>(OUTLINE_REQUEST, { uri: documentUri });
    assert.equal(result.uri, documentUri);
    const sampleUri = uri('sample.md');
    const sampleDiagnostics = client.diagnosticsFor(sampleUri, 1);
    await client.open(sampleUri, sample);
    assert.deepEqual((await sampleDiagnostics).diagnostics, []);
  });
});

describe('configuration', () => {
  let folder: string;
  let client: TestClient;
  before(async () => {
    folder = mkdtempSync(join(tmpdir(), 'postmortem-config-'));
    mkdirSync(join(folder, 'postmortems'));
    client = await TestClient.start({ folders: [folder] });
  });
  after(async () => {
    await client.stop();
    rmSync(folder, { recursive: true, force: true });
  });

  test('.postmortemrc.json: malformed, it gets a diagnostic and the report is still checked', async () => {
    const configPath = join(folder, '.postmortemrc.json');
    writeFileSync(configPath, '{\n  "rules": { "placeholder": "off" },\n}\n');
    const reportUri = pathUri(join(folder, 'postmortems', 'login.md'));
    const configDiagnostics = client.diagnosticsFor(pathUri(configPath));
    const reportDiagnostics = client.diagnosticsFor(reportUri, 1);
    await client.open(reportUri, sampleWithoutLessons);
    assert.deepEqual(await configDiagnostics, {
      uri: pathUri(configPath),
      diagnostics: [
        {
          range: range(1, 35, 1, 36),
          severity: 1,
          source: 'postmortem',
          message: 'Unexpected trailing comma: not allowed in JSON',
        },
      ],
    });
    assert.deepEqual(await reportDiagnostics, requiredLessons(reportUri, 1));
  });

  test('workspace/didChangeWatchedFiles: a fixed configuration file re-checks open reports', async () => {
    const configPath = join(folder, '.postmortemrc.json');
    const reportUri = pathUri(join(folder, 'postmortems', 'login.md'));
    writeFileSync(configPath, '{\n  "rules": { "required-sections": "error" }\n}\n');
    const configDiagnostics = client.diagnosticsFor(pathUri(configPath));
    const reportDiagnostics = client.diagnosticsFor(reportUri, 1);
    await client.connection.sendNotification(DidChangeWatchedFilesNotification.type, {
      changes: [{ uri: pathUri(configPath), type: FileChangeType.Changed }],
    });
    assert.deepEqual(await configDiagnostics, { uri: pathUri(configPath), diagnostics: [] });
    const expected = requiredLessons(reportUri, 1);
    expected.diagnostics[0]!.severity = DiagnosticSeverity.Error;
    assert.deepEqual(await reportDiagnostics, expected);
  });

  test('workspace/didChangeConfiguration: settings override the configuration file', async () => {
    const reportUri = pathUri(join(folder, 'postmortems', 'login.md'));
    client.settings = { rules: { 'required-sections': 'info' } };
    const reportDiagnostics = client.diagnosticsFor(reportUri, 1);
    await client.connection.sendNotification(DidChangeConfigurationNotification.type, {
      settings: null,
    });
    const expected = requiredLessons(reportUri, 1);
    expected.diagnostics[0]!.severity = DiagnosticSeverity.Information;
    assert.deepEqual(await reportDiagnostics, expected);
    // Back to the configuration file's `error`.
    client.settings = {};
    const restored = client.diagnosticsFor(reportUri, 1);
    await client.connection.sendNotification(DidChangeConfigurationNotification.type, {
      settings: null,
    });
    expected.diagnostics[0]!.severity = DiagnosticSeverity.Error;
    assert.deepEqual(await restored, expected);
  });

  test('.postmortemrc.json: an open configuration file is checked as it is edited', async () => {
    const configPath = join(folder, '.postmortemrc.json');
    const configUri = pathUri(configPath);
    const reportUri = pathUri(join(folder, 'postmortems', 'login.md'));
    const text = '{\n  "rules": { "required-sections": "loud" }\n}\n';
    const configDiagnostics = client.diagnosticsFor(configUri);
    const reportDiagnostics = client.diagnosticsFor(reportUri, 1);
    await client.open(configUri, text, 'json');
    assert.deepEqual(await configDiagnostics, {
      uri: configUri,
      diagnostics: [
        {
          range: range(1, 34, 1, 40),
          severity: 1,
          source: 'postmortem',
          message:
            'Unknown severity `loud` for `required-sections`; expected `off`, `info`, `warning` or `error`',
        },
      ],
    });
    // The invalid severity falls back to the default: a warning again.
    assert.deepEqual(await reportDiagnostics, requiredLessons(reportUri, 1));
  });

  test('postmortem/template: the schema configured for a folder, from the open configuration file', async () => {
    const configUri = pathUri(join(folder, '.postmortemrc.json'));
    await client.change(configUri, 2, [
      { range: range(0, 0, 3, 0), text: '{ "extends": "google-sre" }\n' },
    ]);
    const result = await client.request<TemplateResult>(TEMPLATE_REQUEST, {
      uri: pathUri(folder),
      title: 'Login outage',
      date: '2025-03-15',
    });
    assert.deepEqual(result, { text: renderTemplate(googleSre, 'Login outage', '2025-03-15') });
    // The preset the folder is configured with needs no front matter; another one does.
    for (const [preset, named] of [
      ['google-sre', undefined],
      ['standard', 'standard'],
    ] as const) {
      const picked = await client.request<TemplateResult>(TEMPLATE_REQUEST, {
        uri: pathUri(folder),
        preset,
        title: 'Login outage',
        date: '2025-03-15',
      });
      const schema = preset === 'standard' ? standard : googleSre;
      assert.deepEqual(picked, {
        text: renderTemplate(schema, 'Login outage', '2025-03-15', named),
      });
    }
  });

  test('postmortem.codeLens.enabled and postmortem.inlayHints.enabled: off, nothing is shown', async () => {
    const reportUri = pathUri(join(folder, 'postmortems', 'login.md'));
    client.settings = { codeLens: { enabled: false }, inlayHints: { enabled: false } };
    await client.connection.sendNotification(DidChangeConfigurationNotification.type, {
      settings: null,
    });
    const lenses = await client.connection.sendRequest(CodeLensRequest.type, {
      textDocument: { uri: reportUri },
    });
    const hints = await client.connection.sendRequest(InlayHintRequest.type, {
      textDocument: { uri: reportUri },
      range: range(0, 0, 40, 0),
    });
    assert.deepEqual([lenses, hints], [[], []]);
    client.settings = {};
  });

  test('postmortem.files: a setting with no globs leaves a short draft unchecked', async () => {
    client.settings = { files: [] };
    await client.connection.sendNotification(DidChangeConfigurationNotification.type, {
      settings: null,
    });
    const documentUri = pathUri(join(folder, 'postmortems', 'draft.md'));
    const published = client.diagnosticsFor(documentUri, 1);
    await client.open(documentUri, '# Draft\n\n## Summary\n\nTBD\n');
    assert.deepEqual(await published, { uri: documentUri, version: 1, diagnostics: [] });
    client.settings = {};
  });
});

describe('settings pushed by clients without workspace/configuration', () => {
  let client: TestClient;
  before(async () => {
    client = await TestClient.start({ folders: [scratch], pullConfiguration: false });
  });
  after(async () => {
    await client.stop();
  });

  test('workspace/didChangeConfiguration: pushed settings apply', async () => {
    const documentUri = uri('sample.md');
    const first = client.diagnosticsFor(documentUri, 1);
    await client.open(documentUri, sampleWithoutLessons);
    assert.deepEqual(await first, requiredLessons(documentUri, 1));
    const second = client.diagnosticsFor(documentUri, 1);
    await client.connection.sendNotification(DidChangeConfigurationNotification.type, {
      settings: { postmortem: { rules: { 'required-sections': 'off' } } },
    });
    assert.deepEqual(await second, { uri: documentUri, version: 1, diagnostics: [] });
  });
});
