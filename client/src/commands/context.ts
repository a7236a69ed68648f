/** What the command handlers share: the client, the outline, and checks with messages. */
import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import type { OutlineResult } from '../../../server/src/protocol';
import { SETTING_NAMES } from '../../../server/src/protocol';
import { COMMANDS } from '../constants';
import type { IncidentsView } from '../incidents/view';
import type { InsightsPanel } from '../insights/panel';
import type { OutlineTracker } from '../outline-tracker';
import { isMarkdownDocument } from '../outline-tracker';
import type { ServerStarter } from '../server-start';

export interface CommandContext {
  client: BaseLanguageClient;
  tracker: OutlineTracker;
  starter: ServerStarter;
  incidents: IncidentsView;
  insights: InsightsPanel;
}

/**
 * Whether the server runs, started first if no post-mortem has started it yet; when it does
 * not run, says so and offers to restart it.
 */
export async function serverRunning({ client, starter }: CommandContext): Promise<boolean> {
  await starter.start();
  if (client.isRunning()) return true;
  void vscode.window
    .showWarningMessage(
      vscode.l10n.t('The post-mortem language server is not running.'),
      vscode.l10n.t('Restart Server'),
    )
    .then((choice) => {
      if (choice) void vscode.commands.executeCommand(COMMANDS.restartServer);
    });
  return false;
}

/**
 * The active editor when it holds a post-mortem, with its fresh outline; otherwise says why
 * the command cannot run and returns undefined.
 */
export async function activePostmortem(
  context: CommandContext,
): Promise<{ editor: vscode.TextEditor; outline: OutlineResult } | undefined> {
  const editor = vscode.window.activeTextEditor;
  if (!editor || !isMarkdownDocument(context.client, editor.document)) {
    void vscode.window.showInformationMessage(
      vscode.l10n.t('Open a post-mortem (a Markdown file) first.'),
    );
    return undefined;
  }
  if (!(await serverRunning(context))) return undefined;
  const outline = await context.tracker.outlineOf(editor.document);
  if (!outline?.isPostmortem) {
    const name = editor.document.uri.path.split('/').pop() ?? editor.document.uri.toString();
    void vscode.window
      .showInformationMessage(
        vscode.l10n.t(
          '{0} is not a post-mortem: see the "{1}" setting.',
          name,
          SETTING_NAMES.files,
        ),
        vscode.l10n.t('Open Settings'),
      )
      .then((choice) => {
        if (choice) {
          void vscode.commands.executeCommand('workbench.action.openSettings', SETTING_NAMES.files);
        }
      });
    return undefined;
  }
  return { editor, outline };
}
