/**
 * "New Post-Mortem": asks for a title and the sections to start from, gets the report's
 * Markdown from the server (`postmortem/template`) and writes
 * `postmortems/YYYY-MM-DD-<slug>.md` in the workspace folder, or opens an untitled document
 * when no folder is open.
 */
import * as vscode from 'vscode';
import type { TemplateParams } from '../../../server/src/protocol';
import { PRESETS, SETTING_NAMES, TEMPLATE_REQUEST } from '../../../server/src/protocol';
import { REPORTS_FOLDER } from '../constants';
import { isoDate, reportFileName } from '../report-file';
import type { CommandContext } from './context';
import { serverRunning } from './context';

interface PresetItem extends vscode.QuickPickItem {
  /** Undefined for the schema the configuration gives. */
  preset: string | undefined;
}

function presetItems(): PresetItem[] {
  return [
    {
      label: `$(settings-gear) ${vscode.l10n.t('Configured sections')}`,
      description: vscode.l10n.t(
        '.postmortemrc.json or "{0}"; standard without either',
        SETTING_NAMES.preset,
      ),
      preset: undefined,
    },
    ...PRESETS.map((preset) => ({
      label: preset.name,
      detail: preset.description,
      preset: preset.name,
    })),
  ];
}

/** The folder to write to: the active editor's workspace folder, else the first one. */
function targetFolder(): vscode.WorkspaceFolder | undefined {
  const active = vscode.window.activeTextEditor?.document.uri;
  return (
    (active && vscode.workspace.getWorkspaceFolder(active)) ??
    vscode.workspace.workspaceFolders?.[0]
  );
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

/** A report file that does not exist yet: `…-2.md`, `…-3.md` after the first. */
async function freeReportUri(folder: vscode.Uri, date: string, title: string): Promise<vscode.Uri> {
  for (let attempt = 1; ; attempt++) {
    const uri = vscode.Uri.joinPath(folder, reportFileName(date, title, attempt));
    if (!(await exists(uri))) return uri;
  }
}

/** Creates a report and opens it. */
export async function newPostmortem(context: CommandContext): Promise<void> {
  if (!(await serverRunning(context))) return;
  const title = await vscode.window.showInputBox({
    title: vscode.l10n.t('New Post-Mortem'),
    prompt: vscode.l10n.t('Title of the incident'),
    placeHolder: vscode.l10n.t('Login outage'),
    ignoreFocusOut: true,
    validateInput: (value) => (value.trim() ? undefined : 'Give the incident a title.'),
  });
  if (title === undefined) return;
  const picked = await vscode.window.showQuickPick(presetItems(), {
    title: vscode.l10n.t('New Post-Mortem: sections'),
    placeHolder: vscode.l10n.t('Sections to start from'),
    matchOnDetail: true,
    ignoreFocusOut: true,
  });
  if (!picked) return;

  const date = isoDate(new Date());
  const folder = targetFolder();
  const reports = folder && vscode.Uri.joinPath(folder.uri, REPORTS_FOLDER);
  const target = reports && (await freeReportUri(reports, date, title.trim()));
  const params: TemplateParams = { title: title.trim(), date };
  // The new file's place picks the configuration (a `.postmortemrc.json` above it).
  if (target) params.uri = context.tracker.protocolUri(target);
  if (picked.preset) params.preset = picked.preset;
  const result = await context.client.sendRequest(TEMPLATE_REQUEST, params);
  // The server answers null when writing the template failed; it has logged why.
  if (!result) {
    throw new Error('The server could not write the report; see the Post-Mortem output.');
  }
  const { text } = result;

  if (!reports || !target) {
    const untitled = await vscode.workspace.openTextDocument({
      language: 'markdown',
      content: text,
    });
    await vscode.window.showTextDocument(untitled);
    return;
  }
  await vscode.workspace.fs.createDirectory(reports);
  await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(text));
  await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(target));
}
