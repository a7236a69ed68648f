/**
 * When the language server starts: not for every Markdown file, but once a post-mortem is first
 * seen. A document may be one when its path matches the `postmortem.files` globs or its text
 * looks like one (front matter, a timeline; `mayBePostmortem`); a workspace with a
 * `.postmortemrc.json` is taken to hold some. A command that needs the server starts it too.
 */
import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import {
  DEFAULT_POSTMORTEM_FILES,
  matchesFileGlobs,
  mayBePostmortem,
  SETTINGS_SECTION,
} from '../../server/src/protocol';
import { CONFIG_FILE_GLOB } from './constants';
import { isMarkdownDocument } from './outline-tracker';

/** How long typing pauses before an edited document is looked at again. */
const EDIT_PAUSE_MS = 500;

/** Whether a Markdown document may be a post-mortem, by its path or its text. */
export function mayBePostmortemDocument(
  client: BaseLanguageClient,
  document: vscode.TextDocument,
): boolean {
  if (!isMarkdownDocument(client, document)) return false;
  if (document.uri.scheme !== 'untitled') {
    const globs = vscode.workspace
      .getConfiguration(SETTINGS_SECTION, document.uri)
      .get<string[]>('files', [...DEFAULT_POSTMORTEM_FILES]);
    // Where the server reads globs: paths on disk, URIs on the web (`vscode-vfs:` say).
    const place = (uri: vscode.Uri): string =>
      uri.scheme === 'file' ? uri.fsPath : uri.toString();
    const folders = (vscode.workspace.workspaceFolders ?? []).map((folder) => place(folder.uri));
    if (matchesFileGlobs(place(document.uri), globs, folders)) return true;
  }
  return mayBePostmortem(document.getText());
}

export class ServerStarter implements vscode.Disposable {
  private starting: Promise<void> | undefined;
  private watching: vscode.Disposable[] = [];
  private pause: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly client: BaseLanguageClient,
    private readonly outputChannel: vscode.LogOutputChannel,
  ) {}

  /** Whether the server has been asked to start. */
  get started(): boolean {
    return this.starting !== undefined;
  }

  /** Starts the server, once; later calls wait for the same start. */
  start(): Promise<void> {
    if (!this.starting) {
      this.stopWatching();
      this.starting = this.client.start().catch((error: unknown) => {
        // The client has logged the cause; the commands offer a restart.
        this.outputChannel.error('The post-mortem language server did not start', error);
      });
    }
    return this.starting;
  }

  /** Starts the server now if a post-mortem is open or configured, else when one opens. */
  async watch(): Promise<void> {
    const check = (document: vscode.TextDocument): void => {
      if (!this.started && mayBePostmortemDocument(this.client, document)) void this.start();
    };
    this.watching.push(
      vscode.workspace.onDidOpenTextDocument(check),
      // An untitled file filled with a report, or a README that becomes one.
      vscode.workspace.onDidChangeTextDocument(({ document }) => {
        if (!isMarkdownDocument(this.client, document)) return;
        clearTimeout(this.pause);
        this.pause = setTimeout(() => check(document), EDIT_PAUSE_MS);
      }),
    );
    for (const document of vscode.workspace.textDocuments) check(document);
    if (this.started) return;
    const configs = await vscode.workspace.findFiles(CONFIG_FILE_GLOB, '**/node_modules/**', 1);
    if (configs.length > 0) void this.start();
  }

  private stopWatching(): void {
    clearTimeout(this.pause);
    for (const disposable of this.watching.splice(0)) disposable.dispose();
  }

  dispose(): void {
    this.stopWatching();
  }
}
