/**
 * "Check All Post-Mortems": the server checks every report of the workspace (its index) and
 * the Problems view shows their findings, pulled as workspace diagnostics.
 */
import * as vscode from 'vscode';
import { CHECK_ALL_REQUEST } from '../../../server/src/protocol';
import type { CommandContext } from './context';
import { serverRunning } from './context';

export async function checkAll(context: CommandContext): Promise<void> {
  if (!(await serverRunning(context))) return;
  const result = await vscode.window.withProgress(
    {
      location: vscode.ProgressLocation.Window,
      title: vscode.l10n.t('Checking the post-mortems of the workspace'),
    },
    () => context.client.sendRequest(CHECK_ALL_REQUEST, null),
  );
  if (result.withFindings > 0) {
    await vscode.commands.executeCommand('workbench.actions.view.problems');
  }
  void vscode.window.showInformationMessage(result.message);
}
