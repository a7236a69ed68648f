/// <reference types="mocha" />
// The Markdown preview of a post-mortem: VS Code's own preview of the sample report shows the
// metrics card, the milestone badges and the timeline chart, read inside the preview's webview
// by the code-server driver, which also takes the screenshot the README shows.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import sample from '../../../examples/sample-postmortem.md';
import { DRIVER, readPreview } from './driver';
import { activeExtension, createFile, removeCreatedFiles, WEB_HOST } from './workspace';

describe('The Markdown preview', () => {
  after(removeCreatedFiles);

  it('shows the sample report with its metrics card, milestone badges and timeline chart', async function () {
    // Only the driver sees into a webview; on the web the preview is left as VS Code renders it.
    if (!DRIVER || WEB_HOST) this.skip();
    const { api } = await activeExtension();
    assert.equal(typeof api.extendMarkdownIt, 'function');
    const uri = await createFile(
      'postmortems/2025-03-15-sample.md',
      new TextEncoder().encode(sample),
    );
    await vscode.window.showTextDocument(uri, { preview: false });
    await vscode.commands.executeCommand('markdown.showPreviewToSide', uri);
    // Toasts of earlier tests would cover the timeline in the screenshot.
    await vscode.commands.executeCommand('notifications.clearAll');
    const seen = await readPreview({ showing: 'TTR', screenshot: true });
    assert.deepEqual(seen.metrics, ['TTD 0m*', 'TTA 5m*', 'TTM 20m*', 'TTR 40m*']);
    assert.deepEqual(seen.badges, [
      '12:55 PM: start',
      '12:55 PM: detected*',
      '1:00 PM: acknowledged*',
      '1:15 PM: mitigated*',
      '1:35 PM: resolved*',
    ]);
    assert.deepEqual(seen.chartSpans, ['timeToDetect', 'timeToMitigate', 'timeToResolve']);
  });

  it('follows the settings: other keywords move a milestone, and the preview with it', async function () {
    if (!DRIVER || WEB_HOST) this.skip();
    const settings = vscode.workspace.getConfiguration('postmortem');
    // The acknowledgement read from `identify` instead: the 1:10 PM row, 15 minutes in.
    await settings.update(
      'milestoneKeywords',
      { acknowledged: ['identify'] },
      vscode.ConfigurationTarget.Workspace,
    );
    try {
      const seen = await readPreview({ showing: 'TTA15m*', screenshot: false });
      assert.deepEqual(seen.metrics, ['TTD 0m*', 'TTA 15m*', 'TTM 20m*', 'TTR 40m*']);
      assert.ok(seen.badges.includes('1:10 PM: acknowledged*'), seen.badges.join(', '));
    } finally {
      await settings.update('milestoneKeywords', undefined, vscode.ConfigurationTarget.Workspace);
    }
  });
});
