/**
 * Shows a section a fix inserted: the quick fix and Insert Missing Sections write it where it
 * belongs, often below the screen, so the editor scrolls to its heading and puts the cursor
 * there.
 */
import * as vscode from 'vscode';
import { COMMANDS } from './constants';

/** A heading opening inserted text, after the blank lines that set it apart. */
const INSERTED_HEADING = /^(?:[ \t]*\r?\n)*[ \t]{0,3}#{1,6}[ \t]/;

/** The first edit of `edits` that inserts a section (its text opens with a heading). */
export function sectionInsertion(edits: readonly vscode.TextEdit[]): vscode.TextEdit | undefined {
  return [...edits]
    .filter((edit) => edit.range.isEmpty && INSERTED_HEADING.test(edit.newText))
    .sort((a, b) => a.range.start.compareTo(b.range.start))[0];
}

/**
 * Reveals the heading that `newText`, inserted at `at` (the first edit of its document, so
 * nothing before it moved), starts with, in the editor that shows `uri`.
 */
export function revealInsertedSection(uri: vscode.Uri, at: vscode.Position, newText: string): void {
  const editor = vscode.window.visibleTextEditors.find(
    (candidate) => candidate.document.uri.toString() === uri.toString(),
  );
  if (!editor) return;
  const blankLines = /^(?:[ \t]*\r?\n)*/.exec(newText)![0].split('\n').length - 1;
  const line = at.line + blankLines;
  const lines = newText.trimEnd().split('\n').length - blankLines;
  const heading = new vscode.Position(line, 0);
  editor.selection = new vscode.Selection(heading, heading);
  editor.revealRange(
    new vscode.Range(heading, new vscode.Position(line + lines - 1, 0)),
    vscode.TextEditorRevealType.InCenterIfOutsideViewport,
  );
}

/** Has a quick fix that inserts a section reveal it: VS Code runs the command after the edit. */
export function withRevealCommand(action: vscode.CodeAction, uri: vscode.Uri): vscode.CodeAction {
  if (action.command || !action.kind || !vscode.CodeActionKind.QuickFix.contains(action.kind)) {
    return action;
  }
  const insertion = sectionInsertion(action.edit?.get(uri) ?? []);
  if (!insertion) return action;
  action.command = {
    command: COMMANDS.revealInsertedSection,
    title: action.title,
    arguments: [uri, insertion.range.start, insertion.newText],
  };
  return action;
}
