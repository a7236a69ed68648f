/**
 * The Incidents view's rows for the four reports of the workspace folder, read through the data
 * provider `activate` returns. Reports other tests made and removed may still be listed while
 * VS Code keeps their documents open: the rows are picked by the fixtures' URIs.
 */
import * as vscode from 'vscode';
import type { PostmortemExtensionApi } from '../../../client/src/extension';
import { until } from './wait';
import { workspaceFile } from './workspace';

/** The reports of the workspace folder, newest first as the view lists them. */
export const INCIDENT_FILES = [
  'postmortems/2025-02-27-dns-failover.md',
  'postmortems/2025-02-11-cache-eviction.md',
  'postmortems/2025-01-20-payment-latency.md',
  'postmortems/2025-03-15-login-outage.md',
];

/** Their rows, `label (description)`. */
export const INCIDENT_ROWS = [
  '2025-02-27 — DNS failover <img src=x onerror=alert(1)> (SEV1 · final · TTD 3m · TTR 25m · 2 follow-ups open · 1 problem)',
  '2025-02-11 — Search results went stale (SEV3 · draft · TTD 2h 30m · TTR 3h · 2 follow-ups open · 1 problem)',
  '2025-01-20 — Payment API latency (SEV2 · final · TTD 12m · TTR 1h 5m · 1 follow-up open · 1 problem)',
  'Post-Mortem Report: Login System Outage (no date · no severity · no status · TTD 0m · TTR 40m · 0 follow-ups open · 3 problems)',
];

/** Their labels, as the view's rows show them on screen. */
export const INCIDENT_LABELS = INCIDENT_ROWS.map((row) => row.slice(0, row.indexOf(' (')));

/** The labels of the Incidents view's rows in the workbench. */
export const ROW_LABELS =
  '.pane:has(.pane-header[aria-label^="Incidents"]) .monaco-list-row .label-name';

/** Whether `items` holds `wanted` in that order, others between them allowed. */
export function inOrder(items: readonly string[], wanted: readonly string[]): boolean {
  let next = 0;
  for (const item of items) if (item === wanted[next]) next += 1;
  return next === wanted.length;
}

/** The rows the view shows of the reports `files`, `label (description)`, in its order. */
function fixtureRows(api: PostmortemExtensionApi, files: readonly string[]): string[] {
  const fixtures = new Set(files.map((file) => workspaceFile(file).toString()));
  return api.incidentsView
    .getChildren()
    .filter((incident) => fixtures.has(vscode.Uri.parse(incident.uri).toString()))
    .map((incident) => {
      const item = api.incidentsView.getTreeItem(incident);
      return `${String(item.label)} (${String(item.description)})`;
    });
}

/**
 * Shows the view (collapsed until then) and waits for the rows of the reports `files` (the
 * fixtures unless said) to be `expected`.
 */
export async function showIncidents(
  api: PostmortemExtensionApi,
  what: string,
  expected: readonly string[],
  files: readonly string[] = INCIDENT_FILES,
): Promise<void> {
  await vscode.commands.executeCommand('postmortem.incidents.focus');
  const view = api.incidentsView.treeView;
  let seen: string[] = [];
  await until(
    api.incidentsView.onDidChangeTreeData!,
    () => {
      seen = fixtureRows(api, files);
      return view.message === undefined && seen.join('\n') === expected.join('\n')
        ? true
        : undefined;
    },
    () =>
      `waiting for ${what}; the view (${view.visible ? 'shown' : 'hidden'}, saying ${JSON.stringify(view.message)}, described ${JSON.stringify(view.description)}) showed ${JSON.stringify(seen)} of the fixtures; open documents: ${JSON.stringify(vscode.workspace.textDocuments.map((document) => vscode.workspace.asRelativePath(document.uri)))}`,
  );
}
