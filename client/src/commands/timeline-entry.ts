/** "Insert Timeline Entry (Now)": a new row stamped with the current time, ready to type in. */
import * as vscode from 'vscode';
import type { NewTimelineEntryParams } from '../../../server/src/protocol';
import { NEW_TIMELINE_ENTRY_REQUEST } from '../../../server/src/protocol';
import { COMMANDS } from '../constants';
import type { CommandContext } from './context';
import { activePostmortem } from './context';

/** Asks the server for a row in the timeline's own format and inserts it as a snippet. */
export async function insertTimelineEntry(context: CommandContext): Promise<void> {
  const active = await activePostmortem(context);
  if (!active) return;
  const { editor } = active;
  const params: NewTimelineEntryParams = {
    uri: context.tracker.protocolUri(editor.document.uri),
    now: new Date().toISOString(),
  };
  const result = await context.client.sendRequest(NEW_TIMELINE_ENTRY_REQUEST, params);
  if (!result) {
    const choice = await vscode.window.showInformationMessage(
      vscode.l10n.t('This post-mortem has no timeline section to add an entry to.'),
      vscode.l10n.t('Insert Missing Sections'),
    );
    if (choice) await vscode.commands.executeCommand(COMMANDS.insertMissingSections);
    return;
  }
  const position = new vscode.Position(result.position.line, result.position.character);
  await editor.insertSnippet(new vscode.SnippetString(result.snippet), position);
  editor.revealRange(
    new vscode.Range(position, position),
    vscode.TextEditorRevealType.InCenterIfOutsideViewport,
  );
}
