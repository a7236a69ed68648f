/// <reference types="mocha" />
/**
 * The extension under test and the reports the tests open: the fixture of
 * `test/fixtures/editors/postmortems/` (the one the Neovim test checks), or a fresh copy of it
 * for a test that edits.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { PostmortemExtensionApi } from '../../../client/src/extension';
import manifest from '../../../package.json';
import { until, waitForDiagnostics } from './wait';

/** `publisher.name` of the extension under test. */
export const EXTENSION_ID = `${manifest.publisher}.${manifest.name}`;

/**
 * Whether the extension runs in the workbench's web worker extension host
 * (`run-code-server.mjs --web`), where this extension host does not see it.
 */
export const WEB_HOST = process.env.PM_E2E_WEB === '1';

/**
 * Skips a test on the web (`WEB_HOST`): what this extension host gets of another host's
 * diagnostics, lenses and code actions has lost the diagnostics' links and the commands.
 */
export function skipAcrossHosts(context: Mocha.Context): void {
  if (WEB_HOST) context.skip();
}

/** The report with known problems, relative to the workspace folder. */
export const FIXTURE = 'postmortems/2025-03-15-login-outage.md';

/** Its findings as `rule-id:line`: the same the Neovim test expects. */
export const FIXTURE_FINDINGS = [
  'metrics-consistency:25',
  'required-sections:27',
  'timeline-order:16',
];

/** What the fixes insert for the fixture's missing section, at the end of the file. */
export const LESSONS_SCAFFOLD =
  '\n## 7. Lessons Learned\n\n- **What Worked Well:** \n- **What Needs Improvement:** \n';

/** A text with lines `a` and `b` (1-based) swapped: the fixture sorted is lines 15 and 16. */
export function swapLines(text: string, a: number, b: number): string {
  const lines = text.split('\n');
  [lines[a - 1], lines[b - 1]] = [lines[b - 1]!, lines[a - 1]!];
  return lines.join('\n');
}

/** The workspace folder the editor has open. */
export function workspaceFolder(): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'The editor has no workspace folder open');
  return folder.uri;
}

/** A file of the workspace folder. */
export function workspaceFile(relative: string): vscode.Uri {
  return vscode.Uri.joinPath(workspaceFolder(), relative);
}

/** The extension, activated, and the API its `activate` returns. */
export async function activeExtension(): Promise<{
  extension: vscode.Extension<PostmortemExtensionApi>;
  api: PostmortemExtensionApi;
}> {
  const extension = vscode.extensions.getExtension<PostmortemExtensionApi>(EXTENSION_ID);
  assert.ok(extension, `${EXTENSION_ID} is not installed`);
  const api = await extension.activate();
  return { extension, api };
}

/** An open report in the active editor, once the server has published its diagnostics. */
export interface OpenReport {
  editor: vscode.TextEditor;
  document: vscode.TextDocument;
  diagnostics: vscode.Diagnostic[];
}

/** Opens a report of the workspace in the active editor and waits for its diagnostics. */
export async function openReport(uri: vscode.Uri): Promise<OpenReport> {
  const document = await vscode.workspace.openTextDocument(uri);
  const editor = await vscode.window.showTextDocument(document, { preview: false });
  assert.equal(document.languageId, 'markdown');
  const diagnostics = await waitForDiagnostics(
    uri,
    'the first diagnostics',
    (found) => found.length > 0,
  );
  return { editor, document, diagnostics };
}

// The files this test file made, for `removeCreatedFiles`.
const created: vscode.Uri[] = [];

/** Writes a new file of the workspace, to be removed by `removeCreatedFiles`. */
export async function createFile(relative: string, content: Uint8Array): Promise<vscode.Uri> {
  const uri = workspaceFile(relative);
  await vscode.workspace.fs.writeFile(uri, content);
  created.push(uri);
  return uri;
}

/** Marks a file something else made (a command) for `removeCreatedFiles`. */
export function removeLater(uri: vscode.Uri): void {
  created.push(uri);
}

/**
 * A new report `postmortems/<name>.md` holding the fixture's text, opened: for tests that
 * change the document.
 */
export async function openFixtureCopy(name: string): Promise<OpenReport> {
  const text = await vscode.workspace.fs.readFile(workspaceFile(FIXTURE));
  return openReport(await createFile(`postmortems/${name}.md`, text));
}

/**
 * A copy of the fixture as `openFixtureCopy` makes it, its last section (Preventative
 * Measures) grown by 150 items, so that its end is below the screen, and scrolled to the top.
 */
export async function openLongFixtureCopy(name: string): Promise<OpenReport> {
  const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(workspaceFile(FIXTURE)));
  const items = Array.from({ length: 150 }, (_, i) => `- Follow-up ${i + 1}.\n`).join('');
  const uri = await createFile(`postmortems/${name}.md`, new TextEncoder().encode(text + items));
  const report = await openReport(uri);
  const top = new vscode.Position(0, 0);
  report.editor.selection = new vscode.Selection(top, top);
  report.editor.revealRange(new vscode.Range(top, top), vscode.TextEditorRevealType.AtTop);
  return report;
}

/** Resolves once `line` is on screen in `editor`, with the cursor on it. */
export function waitForCursorOnScreen(editor: vscode.TextEditor, line: number): Promise<void> {
  const shown = (): true | undefined =>
    editor.selection.active.line === line &&
    editor.visibleRanges.some((range) => range.start.line <= line && line <= range.end.line)
      ? true
      : undefined;
  return until(
    vscode.window.onDidChangeTextEditorVisibleRanges,
    shown,
    () =>
      `the cursor on line ${editor.selection.active.line + 1}, lines ${editor.visibleRanges
        .map((range) => `${range.start.line + 1}-${range.end.line + 1}`)
        .join(', ')} on screen; expected line ${line + 1}`,
  ).then(() => undefined);
}

/**
 * Closes the editors and deletes the files this test file made. Their diagnostics stay until
 * VS Code closes the documents, which it does minutes later for documents an extension opened.
 */
export async function removeCreatedFiles(): Promise<void> {
  // Saved first, so that closing asks nothing.
  await vscode.commands.executeCommand('workbench.action.files.saveAll');
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  for (const uri of created.splice(0)) await vscode.workspace.fs.delete(uri);
}
