/// <reference types="mocha" />
// Every command of `contributes.commands`, run as the Command Palette runs it.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { diagnosticSummary } from './diagnostics';
import { DRIVER, seeNotification, typeIntoQuickInputs } from './driver';
import { rowLines, waitForOutline } from './outline';
import { serverPids } from './server-process';
import { until, waitForDiagnostics, waitForRepublishedDiagnostics } from './wait';
import {
  activeExtension,
  createFile,
  FIXTURE,
  FIXTURE_FINDINGS,
  LESSONS_SCAFFOLD,
  openFixtureCopy,
  openLongFixtureCopy,
  openReport,
  removeCreatedFiles,
  removeLater,
  swapLines,
  waitForCursorOnScreen,
  workspaceFile,
} from './workspace';

/** The commands this file runs: the test below checks it is all of `contributes.commands`. */
/** The notification Restart Server shows once the new server runs. */
const RESTARTED = 'The post-mortem language server restarted.';

const TESTED = [
  'postmortem.newPostmortem',
  'postmortem.insertMissingSections',
  'postmortem.sortTimeline',
  'postmortem.insertTimelineEntry',
  'postmortem.copyMetrics',
  'postmortem.restartServer',
  'postmortem.showOutline',
  'postmortem.checkAll',
  'postmortem.revealInsertedSection',
  // Run by the Incidents view's tests (browse-incidents.test.ts) and the insights' (browse-insights.test.ts).
  'postmortem.filterIncidentsBySeverity',
  'postmortem.filterIncidentsByStatus',
  'postmortem.clearIncidentsFilter',
  'postmortem.showInsights',
];

/** `1:05 PM` for a time in UTC: the fixture's timeline format (`Time (UTC)`, 12-hour). */
function utcClock12(date: Date): string {
  const hours = date.getUTCHours();
  const minutes = String(date.getUTCMinutes()).padStart(2, '0');
  return `${hours % 12 || 12}:${minutes} ${hours < 12 ? 'AM' : 'PM'}`;
}

/** Today as `YYYY-MM-DD` in local time, as "New Post-Mortem" names its file. */
function localDate(date: Date): string {
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

describe('Commands', () => {
  after(removeCreatedFiles);

  it('registers each command the manifest contributes, and each is tested here', async () => {
    const { extension } = await activeExtension();
    const contributes = (
      extension.packageJSON as { contributes: { commands: { command: string }[] } }
    ).contributes;
    const contributed = contributes.commands.map((entry) => entry.command);
    const registered = await vscode.commands.getCommands(true);
    assert.deepEqual(
      contributed.filter((id) => !registered.includes(id)),
      [],
    );
    assert.deepEqual([...contributed].sort(), [...TESTED].sort());
  });

  it('Insert Missing Sections writes the `Lessons Learned` scaffold', async () => {
    const { document } = await openFixtureCopy('command-sections');
    const before = document.getText();
    const fixed = waitForDiagnostics(
      document.uri,
      'the required-sections finding to go',
      (found) => !diagnosticSummary(found).includes('required-sections:27'),
    );
    await vscode.commands.executeCommand('postmortem.insertMissingSections');
    assert.equal(document.getText(), before + LESSONS_SCAFFOLD);
    assert.deepEqual(diagnosticSummary(await fixed), [
      'empty-section:30',
      'metrics-consistency:25',
      'timeline-order:16',
    ]);
  });

  it('Insert Missing Sections shows the section it inserts below the screen', async () => {
    const { editor, document } = await openLongFixtureCopy('command-sections-long');
    await vscode.commands.executeCommand('postmortem.insertMissingSections');
    const heading = document.getText().split('\n').indexOf('## 7. Lessons Learned');
    assert.ok(heading > 150, `The heading is on line ${heading + 1}`);
    await waitForCursorOnScreen(editor, heading);
  });

  it('Reveal Inserted Section (run by the quick fix) puts the cursor on the inserted heading', async () => {
    const { editor } = await openLongFixtureCopy('command-reveal');
    const end = editor.document.lineAt(editor.document.lineCount - 1).range.end;
    await editor.edit((edit) => edit.insert(end, LESSONS_SCAFFOLD));
    await vscode.commands.executeCommand(
      'postmortem.revealInsertedSection',
      editor.document.uri,
      end,
      LESSONS_SCAFFOLD,
    );
    await waitForCursorOnScreen(editor, end.line + 1);
  });

  it('Sort Timeline puts the 1:10 PM row before the 1:15 PM one', async () => {
    const { document } = await openFixtureCopy('command-sort');
    const before = document.getText();
    const fixed = waitForDiagnostics(
      document.uri,
      'the timeline-order finding to go',
      (found) => !diagnosticSummary(found).includes('timeline-order:16'),
    );
    await vscode.commands.executeCommand('postmortem.sortTimeline');
    assert.equal(document.getText(), swapLines(before, 15, 16));
    await fixed;
  });

  it('Insert Timeline Entry (Now) adds a row at the current UTC time, cursor in its event', async () => {
    const { document, editor } = await openFixtureCopy('command-entry');
    const lineCount = document.lineCount;
    const earliest = new Date();
    await vscode.commands.executeCommand('postmortem.insertTimelineEntry');
    const latest = new Date();
    const row = document.lineAt(17).text;
    const expected = [earliest, latest].map((time) => `| ${utcClock12(time)} |  |`);
    assert.ok(expected.includes(row), `Row ${JSON.stringify(row)}, expected one of ${expected}`);
    assert.equal(document.lineCount, lineCount + 1);
    assert.equal(document.lineAt(16).text, '| 1:35 PM | Issue marked as resolved. |');
    assert.deepEqual(editor.selection.active, new vscode.Position(17, row.length - 2));
  });

  it('Copy Metrics as Markdown puts the metrics and follow-ups tables on the clipboard', async () => {
    await openReport(workspaceFile(FIXTURE));
    await vscode.env.clipboard.writeText('');
    await vscode.commands.executeCommand('postmortem.copyMetrics');
    assert.equal(
      await vscode.env.clipboard.readText(),
      [
        '| Metric | Value | From → to |',
        '|--------|-------|-----------|',
        '| Time to detect (TTD) | 0m | start → detected |',
        '| Time to acknowledge (TTA) | 5m | detected → acknowledged |',
        '| Time to mitigate (TTM) | 20m | start → mitigated |',
        '| Time to resolve (TTR) | 40m | start → resolved |',
        '',
        '| Follow-up | Owner | Due | Ticket | Status |',
        '|-----------|-------|-----|--------|--------|',
        '| Set up alerts for high DB connection usage. | — | — | — | done |',
        '',
      ].join('\n'),
    );
  });

  it('Restart Server starts a new server, which publishes the diagnostics again', async () => {
    const { extension } = await activeExtension();
    const { document } = await openReport(workspaceFile(FIXTURE));
    const before = serverPids(extension.extensionPath);
    assert.equal(before.length, 1, `Expected one server, found ${before.length}`);
    const republished = waitForRepublishedDiagnostics(document.uri);
    const confirmed = DRIVER ? seeNotification(RESTARTED) : Promise.resolve();
    await vscode.commands.executeCommand('postmortem.restartServer');
    assert.deepEqual(diagnosticSummary(await republished), FIXTURE_FINDINGS);
    await confirmed;
    const after = serverPids(extension.extensionPath);
    assert.equal(after.length, 1, `Expected one server, found ${after.length}`);
    assert.notEqual(after[0], before[0]);
  });

  it('Check All Post-Mortems puts the findings of a report that is not open in Problems', async () => {
    await openReport(workspaceFile(FIXTURE));
    const text = await vscode.workspace.fs.readFile(workspaceFile(FIXTURE));
    const closed = await createFile('postmortems/check-all.md', text);
    // Pulled as workspace diagnostics: the report is never opened.
    const found = waitForDiagnostics(
      closed,
      'the findings of the closed report',
      (diagnostics) => diagnostics.length > 0,
    );
    const confirmed = DRIVER ? seeNotification('Checked ') : Promise.resolve();
    await vscode.commands.executeCommand('postmortem.checkAll');
    assert.deepEqual(diagnosticSummary(await found), FIXTURE_FINDINGS);
    assert.ok(
      !vscode.workspace.textDocuments.some(
        (document) => document.uri.toString() === closed.toString(),
      ),
    );
    await confirmed;
  });

  it('Show Outline reveals the Post-Mortem view', async () => {
    const { api } = await activeExtension();
    await openReport(workspaceFile(FIXTURE));
    const view = api.outlineView;
    await vscode.commands.executeCommand('workbench.action.closeSidebar');
    await until(
      view.onDidChangeVisibility,
      () => (view.visible ? undefined : true),
      () => 'waiting for the closed side bar to hide the view',
    );
    await vscode.commands.executeCommand('postmortem.showOutline');
    await until(
      view.onDidChangeVisibility,
      () => (view.visible ? true : undefined),
      () => 'waiting for the view to show',
    );
  });

  it('New Post-Mortem asks for a title and a preset, writes the report and opens it', async function () {
    // Only a driver can type into the input box: the command takes no arguments.
    if (!DRIVER) this.skip();
    const { api } = await activeExtension();
    const date = localDate(new Date());
    const run = vscode.commands.executeCommand('postmortem.newPostmortem');
    await typeIntoQuickInputs([
      { title: 'New Post-Mortem', text: 'Checkout outage' },
      { title: 'New Post-Mortem: sections', text: 'google-sre' },
    ]);
    await run;
    const uri = workspaceFile(`postmortems/${date}-checkout-outage.md`);
    removeLater(uri);
    const document = vscode.window.activeTextEditor?.document;
    assert.equal(document?.uri.toString(), uri.toString());
    assert.equal(document.isDirty, false);
    const onDisk = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
    assert.equal(onDisk, document.getText());
    const lines = onDisk.split('\n');
    // Not the workspace's sections (standard): the report names the preset it follows.
    assert.deepEqual(lines.slice(0, 11), [
      '---',
      'title: Checkout outage',
      `id: PM-${date}`,
      `date: ${date}`,
      'severity:',
      'status: draft',
      'type: postmortem',
      'preset: google-sre',
      '---',
      '',
      '# Post-Mortem: Checkout outage',
    ]);
    // The sections of the preset picked in the second input.
    assert.deepEqual(
      lines.filter((line) => line.startsWith('## ')),
      [
        '## Summary',
        '## Impact',
        '## Root Causes',
        '## Trigger',
        '## Resolution',
        '## Detection',
        '## Action Items',
        '## Lessons Learned',
        '## Timeline',
        '## Supporting Information',
      ],
    );
    // The view measures the report against the preset it names.
    const rows = await waitForOutline(
      api,
      'the new report in the view',
      (seen) =>
        api.outlineView.description === vscode.workspace.asRelativePath(uri) && seen.length === 4,
    );
    assert.deepEqual(rowLines(rows), [
      'Sections (0/10 complete)',
      '  Summary (empty)',
      '  Impact (empty)',
      '  Root Causes (empty)',
      '  Trigger (empty)',
      '  Resolution (empty)',
      '  Detection (empty)',
      '  Action Items (empty)',
      '  Lessons Learned (empty)',
      '  Timeline (empty)',
      '  Supporting Information (empty)',
      'Timeline (0 entries)',
      'Metrics',
      '  TTD (not marked)',
      '  TTA (not marked)',
      '  TTM (not marked)',
      '  TTR (not marked)',
      'Follow-ups (no action items)',
    ]);
  });
});
