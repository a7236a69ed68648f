/** Registers every command of `contributes.commands` (the server registers its own). */
import * as vscode from 'vscode';
import { State } from 'vscode-languageclient';
import { COMMANDS, FOCUS_OUTLINE_VIEW } from '../constants';
import { checkAll } from './check-all';
import type { CommandContext } from './context';
import { copyMetrics } from './copy-metrics';
import { newPostmortem } from './new-postmortem';
import { insertMissingSections, sortTimeline } from './source-actions';
import { insertTimelineEntry } from './timeline-entry';
import { revealInsertedSection } from '../reveal-insertion';

type Handler = (context: CommandContext, ...args: unknown[]) => Promise<void>;

async function restartServer({ client, tracker, starter }: CommandContext): Promise<void> {
  // Not started yet (no post-mortem seen): starting it is what was asked.
  if (!starter.started) {
    await starter.start();
    if (client.isRunning()) {
      void vscode.window.showInformationMessage(
        vscode.l10n.t('The post-mortem language server started.'),
      );
      return;
    }
  }
  // A client whose first start failed cannot start again; a new window makes a new one.
  if (client.state === State.StartFailed) {
    const choice = await vscode.window.showErrorMessage(
      vscode.l10n.t(
        'The post-mortem language server failed to start (see the Post-Mortem output).',
      ),
      vscode.l10n.t('Reload Window'),
    );
    if (choice) await vscode.commands.executeCommand('workbench.action.reloadWindow');
    return;
  }
  // What the Node client's `restart` does, for the web worker's client too.
  await client.stop();
  await client.start();
  await tracker.refresh();
  // A notification, not a status bar message: the restart was asked for and is seen done.
  void vscode.window.showInformationMessage(
    vscode.l10n.t('The post-mortem language server restarted.'),
  );
}

async function showOutline(): Promise<void> {
  await vscode.commands.executeCommand(FOCUS_OUTLINE_VIEW);
}

/** Run by a quick fix that inserted a section, with where and what it inserted. */
function revealInserted(_context: CommandContext, ...args: unknown[]): Promise<void> {
  const [uri, at, newText] = args;
  if (uri instanceof vscode.Uri && at instanceof vscode.Position && typeof newText === 'string') {
    revealInsertedSection(uri, at, newText);
  }
  return Promise.resolve();
}

const HANDLERS: Record<keyof typeof COMMANDS, Handler> = {
  filterIncidentsBySeverity: ({ incidents }) => incidents.pickFilter('severity'),
  filterIncidentsByStatus: ({ incidents }) => incidents.pickFilter('status'),
  clearIncidentsFilter: ({ incidents }) => Promise.resolve(incidents.clearFilter()),
  showInsights: ({ insights }) => Promise.resolve(insights.show()),
  newPostmortem,
  insertMissingSections,
  sortTimeline,
  insertTimelineEntry,
  copyMetrics,
  restartServer,
  showOutline,
  checkAll,
  revealInsertedSection: revealInserted,
};

/**
 * Registers the commands. Arguments VS Code passes (a view row the command was run on) are
 * ignored: every command but the one a quick fix runs works on the active editor. Failures
 * are logged and shown.
 */
export function registerCommands(context: CommandContext): vscode.Disposable[] {
  return Object.entries(HANDLERS).map(([key, handler]) => {
    const id = COMMANDS[key as keyof typeof COMMANDS];
    return vscode.commands.registerCommand(id, async (...args: unknown[]) => {
      try {
        await handler(context, ...args);
      } catch (error) {
        context.client.error(`Command ${id} failed`, error);
        const message = error instanceof Error ? error.message : String(error);
        void vscode.window.showErrorMessage(vscode.l10n.t('Post-Mortem: {0}', message));
      }
    });
  });
}
