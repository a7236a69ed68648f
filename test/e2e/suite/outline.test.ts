/// <reference types="mocha" />
// The Post-Mortem view in the Explorer: the rows it shows for the fixture (read through the
// data provider `activate` returns), and that it follows the report as it is edited.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { rowLines, waitForOutline } from './outline';
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
];

describe('The Post-Mortem view', () => {
  after(removeCreatedFiles);

  it('shows the sections, the timeline with its milestones, and the metrics', async () => {
    const { api } = await activeExtension();
    await openReport(workspaceFile(FIXTURE));
    const rows = await waitForOutline(
      api,
      'the rows of the fixture',
      (seen) => api.outlineView.description === FIXTURE && seen.length === 3,
    );
    assert.deepEqual(rowLines(rows), FIXTURE_ROWS);
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
});
