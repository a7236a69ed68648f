/**
 * The Problems view for the whole workspace: workspace diagnostics (`workspace/diagnostic`) of
 * the reports that are not open, from the index, and "Check All Post-Mortems". An open report's
 * diagnostics are its document's (pulled or published), never these.
 */
import type {
  PreviousResultId,
  WorkspaceDiagnosticReport,
  WorkspaceDocumentDiagnosticReport,
} from 'vscode-languageserver';
import { findingTotal, plural, problemCount } from '../../engine';
import type { CheckAllResult } from '../../protocol';
import type { WorkspaceIndex } from './workspace-index';

/**
 * Every report not open, `unchanged` where the client already has its result id; a report the
 * client had and the index no longer holds as closed (deleted, opened, no longer a post-mortem)
 * gets an empty report, which clears it.
 */
export function workspaceDiagnostics(
  index: WorkspaceIndex,
  previousResultIds: readonly PreviousResultId[],
): WorkspaceDiagnosticReport {
  const previous = new Map(previousResultIds.map(({ uri, value }) => [uri, value]));
  const items: WorkspaceDocumentDiagnosticReport[] = [];
  for (const { uri, resultId, diagnostics } of index.closedReports()) {
    items.push(
      previous.get(uri) === resultId
        ? { kind: 'unchanged', uri, resultId, version: null }
        : { kind: 'full', uri, resultId, version: null, items: diagnostics },
    );
    previous.delete(uri);
  }
  for (const uri of previous.keys()) items.push({ kind: 'full', uri, version: null, items: [] });
  return { items };
}

/**
 * "Check All Post-Mortems": waits for the index to be complete; where the client does not
 * pull diagnostics, publishes those of every report not open (and keeps them current).
 */
export async function checkAll(index: WorkspaceIndex, pull: boolean): Promise<CheckAllResult> {
  await index.idle();
  if (!pull) index.publishAll();
  const { incidents } = index.list();
  const findings = { error: 0, warning: 0, info: 0 };
  let withFindings = 0;
  for (const incident of incidents) {
    findings.error += incident.findings.error;
    findings.warning += incident.findings.warning;
    findings.info += incident.findings.info;
    if (findingTotal(incident.findings) > 0) withFindings += 1;
  }
  const total = findingTotal(findings);
  const checked = `Checked ${plural(incidents.length, 'post-mortem')}`;
  const message =
    incidents.length === 0
      ? 'No post-mortems in the workspace folders.'
      : total === 0
        ? `${checked}: no problems.`
        : `${checked}: ${problemCount(findings)} in ${withFindings} of them.`;
  return { reports: incidents.length, withFindings, findings, message };
}
