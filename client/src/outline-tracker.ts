/**
 * Follows the active Markdown editor and keeps its outline (`postmortem/outline`) current: the
 * view, the status bar and the commands read it from here.
 */
import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { State } from 'vscode-languageclient';
import type { OutlineParams, OutlineResult } from '../../server/src/protocol';
import { OUTLINE_CHANGED_NOTIFICATION, OUTLINE_REQUEST } from '../../server/src/protocol';
import { CONTEXT_KEYS } from './constants';

/**
 * Whether a document is Markdown the server checks: its client's document selector says
 * which (on disk or untitled on the desktop, any file system on the web).
 */
export function isMarkdownDocument(
  client: BaseLanguageClient,
  document: vscode.TextDocument,
): boolean {
  // Its filters are plain (language, scheme, a string pattern): VS Code's own shape.
  const selector = (client.clientOptions.documentSelector ?? []) as vscode.DocumentSelector;
  return document.languageId === 'markdown' && vscode.languages.match(selector, document) > 0;
}

export class OutlineTracker implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  /** Fires when the followed document or its outline changes. */
  readonly onDidChange = this.changed.event;
  private readonly analysed = new vscode.EventEmitter<string>();
  /** Fires with a document's (protocol) URI when the server has analysed it again. */
  readonly onDidAnalyse = this.analysed.event;
  private readonly disposables: vscode.Disposable[] = [this.changed, this.analysed];
  private followed: vscode.TextDocument | undefined;
  private result: OutlineResult | undefined;
  // Outline responses can arrive out of order; only the latest request's answer is kept.
  private generation = 0;

  constructor(private readonly client: BaseLanguageClient) {
    this.disposables.push(
      vscode.window.onDidChangeActiveTextEditor(() => this.follow()),
      vscode.workspace.onDidCloseTextDocument((document) => {
        if (document === this.followed) this.follow();
      }),
      // A language change closes and reopens the document in the same editor (an untitled file
      // set to Markdown), and no other event says so.
      vscode.workspace.onDidOpenTextDocument((document) => {
        if (document === vscode.window.activeTextEditor?.document) this.follow();
      }),
      client.onNotification(OUTLINE_CHANGED_NOTIFICATION, (params) => {
        this.analysed.fire(params.uri);
        if (this.followed && params.uri === this.protocolUri(this.followed.uri)) {
          void this.refresh();
        }
      }),
      client.onDidChangeState(({ newState }) => {
        // A (re)started server knows nothing of what was shown: ask again.
        if (newState === State.Running) void this.refresh();
      }),
    );
  }

  /** The document the outline is of: the active Markdown editor's. */
  get document(): vscode.TextDocument | undefined {
    return this.followed;
  }

  /** The outline of `document`, when the server has answered. */
  get outline(): OutlineResult | undefined {
    return this.result;
  }

  /** A URI as the server knows it. */
  protocolUri(uri: vscode.Uri): string {
    return this.client.code2ProtocolConverter.asUri(uri);
  }

  /** Switches to the active editor's document, if it changed. */
  follow(): void {
    const editor = vscode.window.activeTextEditor;
    // The Output panel is a text editor outside the editor groups (no view column).
    if (!editor || editor.viewColumn === undefined) {
      // Focus moved to a panel or a non-text editor: keep showing a document still on screen.
      const stillVisible = vscode.window.visibleTextEditors.some(
        (visible) => visible.document === this.followed,
      );
      if (stillVisible) return;
    }
    const document =
      editor && isMarkdownDocument(this.client, editor.document) ? editor.document : undefined;
    if (document === this.followed) return;
    this.followed = document;
    // The view keeps its rows until the new outline arrives (no flash of the welcome view).
    this.result = undefined;
    void this.refresh();
  }

  /** Asks the server for the followed document's outline. */
  async refresh(): Promise<void> {
    const document = this.followed;
    const generation = ++this.generation;
    let result: OutlineResult | undefined;
    if (document && this.client.isRunning()) {
      try {
        const params: OutlineParams = { uri: this.protocolUri(document.uri) };
        result = (await this.client.sendRequest(OUTLINE_REQUEST, params)) ?? undefined;
      } catch (error) {
        this.client.error(`Reading the outline of ${document.uri.toString(true)} failed`, error);
      }
    }
    if (generation !== this.generation) return;
    this.result = result;
    this.publish();
  }

  /** The outline of `document`, asked for now (the commands want it fresh). */
  async outlineOf(document: vscode.TextDocument): Promise<OutlineResult | undefined> {
    if (document === this.followed) {
      await this.refresh();
      return this.result;
    }
    const params: OutlineParams = { uri: this.protocolUri(document.uri) };
    return (await this.client.sendRequest(OUTLINE_REQUEST, params)) ?? undefined;
  }

  private publish(): void {
    void vscode.commands.executeCommand(
      'setContext',
      CONTEXT_KEYS.isPostmortem,
      this.result?.isPostmortem === true,
    );
    this.changed.fire();
  }

  dispose(): void {
    for (const disposable of this.disposables) disposable.dispose();
  }
}
