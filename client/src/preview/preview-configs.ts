/**
 * The configuration the Markdown preview renders each report with: the one the server last
 * analysed it with (`postmortem/previewConfig`), kept here because markdown-it renders
 * synchronously. A document is asked about the first time the preview renders it, again when
 * the server analyses it again (settings or configuration files may have changed) and when
 * the server restarts; an answer that changes what the preview shows refreshes the preview.
 */
import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { State } from 'vscode-languageclient';
import type { LintConfig } from '../../../server/src/protocol';
import { PREVIEW_CONFIG_REQUEST } from '../../../server/src/protocol';
import type { OutlineTracker } from '../outline-tracker';

/** VS Code's command that renders every open Markdown preview again. */
const REFRESH_PREVIEW_COMMAND = 'markdown.preview.refresh';

export class PreviewConfigs implements vscode.Disposable {
  /** Protocol URI → the server's answer: a configuration, or null for not a post-mortem. */
  private readonly known = new Map<string, LintConfig | null>();
  /** Documents the preview has rendered and that are still open. */
  private readonly wanted = new Set<string>();
  private readonly disposables: vscode.Disposable[];

  constructor(
    private readonly client: BaseLanguageClient,
    tracker: OutlineTracker,
  ) {
    this.disposables = [
      tracker.onDidAnalyse((uri) => {
        if (this.wanted.has(uri)) void this.ask(uri);
      }),
      client.onDidChangeState(({ newState }) => {
        if (newState === State.Running) for (const uri of this.wanted) void this.ask(uri);
      }),
      vscode.workspace.onDidCloseTextDocument((document) => {
        const uri = tracker.protocolUri(document.uri);
        this.wanted.delete(uri);
        this.known.delete(uri);
      }),
    ];
  }

  /**
   * What to render `uri` (a protocol URI) with: its configuration, null for a document that
   * is not a post-mortem, undefined while the server has not said (it is asked now).
   */
  get(uri: string): LintConfig | null | undefined {
    if (!this.wanted.has(uri)) {
      this.wanted.add(uri);
      void this.ask(uri);
    }
    return this.known.get(uri);
  }

  private async ask(uri: string): Promise<void> {
    if (!this.client.isRunning()) return;
    let config: LintConfig | null;
    try {
      config = (await this.client.sendRequest(PREVIEW_CONFIG_REQUEST, { uri }))?.config ?? null;
    } catch (error) {
      this.client.error(`Reading the preview's configuration of ${uri} failed`, error);
      return;
    }
    if (!this.wanted.has(uri)) return;
    const before = this.known.get(uri) ?? null;
    this.known.set(uri, config);
    if (JSON.stringify(before) !== JSON.stringify(config)) {
      await vscode.commands.executeCommand(REFRESH_PREVIEW_COMMAND);
    }
  }

  dispose(): void {
    for (const disposable of this.disposables) disposable.dispose();
  }
}
