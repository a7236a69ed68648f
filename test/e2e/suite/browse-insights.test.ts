/// <reference types="mocha" />
// "Post-Mortem: Show Insights": the panel of the workspace's reports, its charts read on screen
// inside the webview's frame (the driver looks there), a report's title kept as text, and the
// screenshot the README shows. Named to run after browse-incidents.test.ts, before the tests
// that make and remove copies of the fixture (the screenshot shows the four reports alone).
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { INSIGHTS_CHART_TITLES } from '../../helpers/insights-charts';
import { DRIVER, lookAt, takeScreenshot } from './driver';
import { INCIDENT_LABELS, INCIDENT_ROWS, inOrder, showIncidents } from './incidents';
import { activeExtension } from './workspace';

/** The `<title>` of the insights page: the driver finds its frame by it. */
const PAGE = 'Post-Mortem Insights';

describe('Insights', () => {
  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.commands.executeCommand('workbench.view.explorer');
  });

  it('Show Insights opens the charts of the workspace’s reports, titles kept as text', async () => {
    const { api } = await activeExtension();
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    // The index read in full first: the page is drawn once, with every report.
    await showIncidents(api, 'the four reports', INCIDENT_ROWS);
    await vscode.commands.executeCommand('postmortem.showInsights');
    const panel = api.insightsPanel.current;
    assert.ok(panel, 'Show Insights opened no panel');
    assert.equal(panel.title, PAGE);
    assert.equal(panel.webview.options.enableScripts, false);
    if (!DRIVER) return;
    // Drawn in the webview: each chart an SVG picture with its title.
    const titles = await lookAt({ frameTitle: PAGE, selector: 'figure > svg > title', min: 10 });
    assert.deepEqual(titles, INSIGHTS_CHART_TITLES);
    const [summary] = await lookAt({ frameTitle: PAGE, selector: 'p.summary', min: 1 });
    assert.match(summary ?? '', /^\d+ reports · \d+ open follow-ups, \d+ overdue$/);
    const reports = await lookAt({ frameTitle: PAGE, selector: '#reports + ul a', min: 4 });
    assert.ok(inOrder(reports, INCIDENT_LABELS), `The page lists ${JSON.stringify(reports)}`);
    // The title's `<img onerror>` is text, not an element.
    assert.deepEqual(await lookAt({ frameTitle: PAGE, selector: 'img', min: 0 }), []);

    // The screenshot: the panel alone, at the window's width.
    await vscode.commands.executeCommand('workbench.action.closeSidebar');
    await vscode.commands.executeCommand('workbench.action.closePanel');
    await vscode.commands.executeCommand('notifications.clearAll');
    await lookAt({ frameTitle: PAGE, selector: 'figure > svg', min: 10 });
    await takeScreenshot('insights.png');
  });
});
