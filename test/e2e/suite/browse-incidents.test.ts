/// <reference types="mocha" />
// The Incidents view: every report of the workspace, newest first, read through the data
// provider `activate` returns and on screen (the rows the driver reads in the workbench); its
// filter by severity and status; a report written to disk and then deleted; a row that opens
// its report. Named to run right after activation, before the tests that make and remove
// copies of the fixture: VS Code keeps a removed copy's document open a while, and the index
// lists the open reports.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { DRIVER, lookAt, typeIntoQuickInputs } from './driver';
import {
  INCIDENT_FILES,
  INCIDENT_LABELS,
  INCIDENT_ROWS,
  inOrder,
  ROW_LABELS,
  showIncidents,
} from './incidents';
import { until } from './wait';
import {
  activeExtension,
  createFile,
  FIXTURE,
  removeCreatedFiles,
  workspaceFile,
} from './workspace';

describe('The Incidents view', () => {
  before(async () => {
    // Reports other tests opened (their copies are gone) leave no rows behind.
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('lists every report of the workspace, newest first, with its metrics and problems', async () => {
    const { api } = await activeExtension();
    await showIncidents(api, 'the four reports', INCIDENT_ROWS);
    assert.match(api.incidentsView.treeView.description ?? '', /^\d+ reports$/);
    if (DRIVER) {
      // On screen too, titles as text.
      const labels = await lookAt({ selector: ROW_LABELS, min: 4 });
      assert.ok(inOrder(labels, INCIDENT_LABELS), `The view shows ${JSON.stringify(labels)}`);
    }
  });

  it('filters by severity and by status, says so, and clears', async function () {
    // The filters are quick picks the driver ticks.
    if (!DRIVER) this.skip();
    const { api } = await activeExtension();
    const view = api.incidentsView.treeView;
    await showIncidents(api, 'the four reports', INCIDENT_ROWS);
    const severity = vscode.commands.executeCommand('postmortem.filterIncidentsBySeverity');
    await typeIntoQuickInputs([{ title: 'Filter Incidents by Severity', check: ['SEV1', 'SEV2'] }]);
    await severity;
    await showIncidents(api, 'the SEV1 and SEV2 reports', [INCIDENT_ROWS[0]!, INCIDENT_ROWS[2]!]);
    assert.match(view.description ?? '', /^filtered: severity SEV1, SEV2 \(2 of \d+\)$/);

    const status = vscode.commands.executeCommand('postmortem.filterIncidentsByStatus');
    await typeIntoQuickInputs([{ title: 'Filter Incidents by Status', check: ['draft'] }]);
    await status;
    await until(
      api.incidentsView.onDidChangeTreeData!,
      () => (view.message?.startsWith('No report matches the filter') ? true : undefined),
      () => `waiting for the view to say nothing matches; it says ${String(view.message)}`,
    );
    assert.match(
      view.description ?? '',
      /^filtered: severity SEV1, SEV2 · status draft \(0 of \d+\)$/,
    );

    await vscode.commands.executeCommand('postmortem.clearIncidentsFilter');
    await showIncidents(api, 'the four reports again', INCIDENT_ROWS);
    assert.match(view.description ?? '', /^\d+ reports$/);
  });

  it('lists a report written to disk, and drops it when it is deleted', async () => {
    const { api } = await activeExtension();
    const file = 'postmortems/2025-03-02-queue-backlog.md';
    const files = [...INCIDENT_FILES, file];
    const text = [
      '---',
      'title: Queue backlog',
      'date: 2025-03-02',
      'severity: SEV4',
      'status: draft',
      '---',
      '',
      '# Queue backlog',
      '',
    ].join('\n');
    const uri = await createFile(file, new TextEncoder().encode(text));
    const row = `2025-03-02 — Queue backlog (SEV4 · draft · no timeline · 0 follow-ups open · `;
    await until(
      api.incidentsView.onDidChangeTreeData!,
      () =>
        api.incidentsView
          .getChildren()
          .some((incident) => vscode.Uri.parse(incident.uri).toString() === uri.toString())
          ? true
          : undefined,
      () => 'waiting for the new report to be listed',
    );
    const [first] = api.incidentsView.getChildren();
    const item = api.incidentsView.getTreeItem(first!);
    assert.ok(
      `${String(item.label)} (${String(item.description)})`.startsWith(row),
      String(item.label),
    );
    await removeCreatedFiles();
    await showIncidents(api, 'the four reports, the new one gone', INCIDENT_ROWS, files);
  });

  it('opens a report when its row is clicked', async () => {
    const { api } = await activeExtension();
    const fixture = workspaceFile(FIXTURE).toString();
    const login = api.incidentsView
      .getChildren()
      .find((incident) => vscode.Uri.parse(incident.uri).toString() === fixture);
    assert.ok(login, 'The view lists the login outage');
    const item = api.incidentsView.getTreeItem(login);
    assert.ok(item.command, 'The row has a command');
    const opened = until(
      vscode.window.onDidChangeActiveTextEditor,
      () => vscode.window.activeTextEditor?.document.uri.toString(),
      () => 'waiting for an editor to open',
    );
    await vscode.commands.executeCommand(item.command.command, ...(item.command.arguments ?? []));
    assert.equal(await opened, workspaceFile(FIXTURE).toString());
  });
});
