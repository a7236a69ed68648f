/**
 * "Insert Missing Sections" and "Sort Timeline": run the server's source action of one kind
 * over the whole document, so the edit comes from the engine's fixes and nothing is
 * recomputed here. The server is asked directly rather than through every code action
 * provider of the editor, whose combined answer VS Code may drop (another Markdown provider
 * starting, say): a command must not report "nothing to do" when there is something.
 */
import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { CodeActionRequest, CodeActionTriggerKind } from 'vscode-languageclient';
import { CODE_ACTION_KINDS } from '../../../server/src/protocol';
import { revealInsertedSection, sectionInsertion } from '../reveal-insertion';
import type { CommandContext } from './context';
import { activePostmortem } from './context';

export function isCodeAction(item: vscode.CodeAction | vscode.Command): item is vscode.CodeAction {
  // A Command's `command` is its id; a CodeAction's is an optional Command object.
  return typeof item.command !== 'string';
}

/** The server's code actions of `kind` for the whole document. */
async function serverActions(
  client: BaseLanguageClient,
  document: vscode.TextDocument,
  kind: string,
): Promise<vscode.CodeAction[]> {
  const whole = new vscode.Range(
    document.positionAt(0),
    document.positionAt(document.getText().length),
  );
  const result = await client.sendRequest(CodeActionRequest.type, {
    textDocument: { uri: client.code2ProtocolConverter.asUri(document.uri) },
    range: client.code2ProtocolConverter.asRange(whole),
    context: { diagnostics: [], only: [kind], triggerKind: CodeActionTriggerKind.Invoked },
  });
  const actions = (await client.protocol2CodeConverter.asCodeActionResult(result ?? [])) ?? [];
  return actions.filter(isCodeAction);
}

/** Applies the first code action of `kind` for the document; false when there is none. */
async function applySourceAction(
  client: BaseLanguageClient,
  document: vscode.TextDocument,
  kind: string,
): Promise<boolean> {
  const wanted = vscode.CodeActionKind.Empty.append(kind);
  const action = (await serverActions(client, document, kind)).find(
    (item) => item.kind !== undefined && wanted.contains(item.kind),
  );
  if (!action) return false;
  if (action.disabled) {
    void vscode.window.showInformationMessage(action.disabled.reason);
    return true;
  }
  if (action.edit && action.edit.size === 0 && !action.command) return false;
  if (action.edit && !(await vscode.workspace.applyEdit(action.edit))) {
    throw new Error(`VS Code did not apply "${action.title}"`);
  }
  // A section inserted below the screen is shown.
  const inserted = action.edit && sectionInsertion(action.edit.get(document.uri));
  if (inserted) revealInsertedSection(document.uri, inserted.range.start, inserted.newText);
  if (action.command) {
    await vscode.commands.executeCommand(
      action.command.command,
      ...((action.command.arguments as unknown[] | undefined) ?? []),
    );
  }
  return true;
}

/** Inserts the scaffold of every missing section of the schema, each at its place. */
export async function insertMissingSections(context: CommandContext): Promise<void> {
  const active = await activePostmortem(context);
  if (!active) return;
  const applied = await applySourceAction(
    context.client,
    active.editor.document,
    CODE_ACTION_KINDS.insertMissingSections,
  );
  if (!applied) {
    void vscode.window.showInformationMessage(
      vscode.l10n.t('Every section of the schema is already there: nothing to insert.'),
    );
  }
}

/** Sorts the timeline rows by time, keeping each row whole. */
export async function sortTimeline(context: CommandContext): Promise<void> {
  const active = await activePostmortem(context);
  if (!active) return;
  if (!active.outline.metrics) {
    void vscode.window.showInformationMessage(
      vscode.l10n.t('This post-mortem has no timeline to sort.'),
    );
    return;
  }
  const applied = await applySourceAction(
    context.client,
    active.editor.document,
    CODE_ACTION_KINDS.sortTimeline,
  );
  if (!applied) {
    void vscode.window.showInformationMessage(vscode.l10n.t('The timeline is already in order.'));
  }
}
