/// <reference types="mocha" />
// The Post-Mortem view in the Explorer: the rows it shows for the fixture (read through the
// data provider `activate` returns), and that it follows the report as it is edited.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { outlineRows, rowLines, waitForOutline } from './outline';
import { reportSnippet } from './report-snippet';
import { until } from './wait';
import {
  activeExtension,
  FIXTURE,
  openFixtureCopy,
  openReport,
  removeCreatedFiles,
  workspaceFile,
} from './workspace';

const FIXTURE_ROWS = [
  'Sections (6/7 complete)',
  '  Summary',
  '  Impact',
  '  Timeline',
  '  Root Cause Analysis',
  '  Resolution & Recovery',
  '  Preventative Measures',
  '  Lessons Learned (missing)',
  'Timeline (5 entries)',
  '  12:55 PM — Automated monitoring detects increased DB errors. (start · detected)',
  '  1:00 PM — PagerDuty alert sent to on-call engineers. (acknowledged)',
  '  1:15 PM — Temporary fix applied (manually restarted DB). (mitigated)',
  '  1:10 PM — Engineers identify high DB connection usage.',
  '  1:35 PM — Issue marked as resolved. (resolved)',
  'Metrics',
  '  TTD (0m, guessed)',
  '  TTA (5m, guessed)',
  '  TTM (20m, guessed)',
  '  TTR (40m, guessed)',
  'Follow-ups (0 open of 1)',
  '  Set up alerts for high DB connection usage. (done · no owner · no due date · no ticket)',
];

describe('The Post-Mortem view', () => {
  after(removeCreatedFiles);

  it('shows the sections, the timeline with its milestones, and the metrics', async () => {
    const { api } = await activeExtension();
    await openReport(workspaceFile(FIXTURE));
    const rows = await waitForOutline(
      api,
      'the rows of the fixture',
      (seen) => api.outlineView.description === FIXTURE && seen.length === 4,
    );
    assert.deepEqual(rowLines(rows), FIXTURE_ROWS);
  });

  it('keeps showing the report while the Output panel has the focus', async () => {
    const { api } = await activeExtension();
    await openReport(workspaceFile(FIXTURE));
    await waitForOutline(
      api,
      'the rows of the fixture',
      (seen) => api.outlineView.description === FIXTURE && seen.length === 4,
    );
    const outputFocused = until(
      vscode.window.onDidChangeActiveTextEditor,
      () => (vscode.window.activeTextEditor?.document.uri.scheme === 'output' ? true : undefined),
      () =>
        `waiting for the Output panel to take the focus; the active editor holds ${String(vscode.window.activeTextEditor?.document.uri)}`,
    );
    try {
      await vscode.commands.executeCommand('workbench.action.output.toggleOutput');
      await outputFocused;
      assert.equal(api.outlineView.description, FIXTURE);
      assert.deepEqual(rowLines(await outlineRows(api)), FIXTURE_ROWS);
    } finally {
      await vscode.commands.executeCommand('workbench.action.closePanel');
    }
  });

  it('shows the follow-ups: owner, due date, ticket and status, the overdue ones marked', async () => {
    const { api } = await activeExtension();
    const { editor } = await openFixtureCopy('outline-follow-ups');
    const line = editor.document.getText().split('\n').indexOf('## 6. Preventative Measures') + 1;
    assert.ok(line > 0, 'The report has no `## 6. Preventative Measures`');
    await editor.edit((edit) =>
      edit.insert(
        new vscode.Position(line, 0),
        '- [ ] Alert on pool usage @alice due 2020-04-01 (OPS-123)\n- [ ] Raise the connection limit, owner: Bob\n',
      ),
    );
    const rows = await waitForOutline(api, 'the follow-ups added', (seen) =>
      rowLines(seen).some((row) => row.startsWith('Follow-ups (2 open')),
    );
    const lines = rowLines(rows);
    assert.deepEqual(lines.slice(lines.indexOf('Follow-ups (2 open, 1 overdue of 3)')), [
      'Follow-ups (2 open, 1 overdue of 3)',
      '  Alert on pool usage (open · @alice · due 2020-04-01, overdue · OPS-123)',
      '  Raise the connection limit (open · Bob · no due date · no ticket)',
      '  Set up alerts for high DB connection usage. (done · no owner · no due date · no ticket)',
    ]);
  });

  it('follows the edits: a sorted timeline shows sorted, a new section shows as empty', async () => {
    const { api } = await activeExtension();
    const { editor } = await openFixtureCopy('outline-edits');
    await editor.edit((edit) => {
      const rows = new vscode.Range(14, 0, 16, 0);
      edit.replace(
        rows,
        `${editor.document.lineAt(15).text}\n${editor.document.lineAt(14).text}\n`,
      );
      edit.insert(
        editor.document.lineAt(editor.document.lineCount - 1).range.end,
        '\n## Lessons Learned\n',
      );
    });
    const rows = await waitForOutline(api, 'the edited rows', (seen) =>
      rowLines(seen).includes('  Lessons Learned (empty)'),
    );
    const lines = rowLines(rows);
    assert.deepEqual(lines.slice(0, 8), [
      'Sections (6/7 complete)',
      '  Summary',
      '  Impact',
      '  Timeline',
      '  Root Cause Analysis',
      '  Resolution & Recovery',
      '  Preventative Measures',
      '  Lessons Learned (empty)',
    ]);
    assert.deepEqual(lines.slice(11, 13), [
      '  1:10 PM — Engineers identify high DB connection usage.',
      '  1:15 PM — Temporary fix applied (manually restarted DB). (mitigated)',
    ]);
  });

  it('follows an untitled file set to Markdown and written from `pm-report`, as it is edited', async () => {
    const { extension, api } = await activeExtension();
    const document = await vscode.workspace.openTextDocument({ language: 'plaintext' });
    const editor = await vscode.window.showTextDocument(document, { preview: false });
    try {
      await vscode.languages.setTextDocumentLanguage(document, 'markdown');
      assert.equal(await editor.insertSnippet(reportSnippet(extension)), true);
      const untitled = vscode.workspace.asRelativePath(document.uri, false);
      const written = await waitForOutline(
        api,
        'the rows of the untitled report',
        (seen) => api.outlineView.description === untitled && seen.length === 4,
      );
      assert.ok(!rowLines(written).includes('  Lessons Learned (missing)'));
      // Deleting the last section, from its heading to the end, shows it as missing.
      const heading = editor.document.getText().split('\n').indexOf('## Lessons Learned');
      assert.ok(heading > 0, 'The report has no `## Lessons Learned`');
      await editor.edit((edit) =>
        edit.delete(new vscode.Range(heading, 0, editor.document.lineCount, 0)),
      );
      await waitForOutline(api, 'the rows without Lessons Learned', (seen) =>
        rowLines(seen).includes('  Lessons Learned (missing)'),
      );
    } finally {
      // Reverted, so that saving the others (`removeCreatedFiles`) asks nothing.
      await vscode.window.showTextDocument(document);
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    }
  });
});
