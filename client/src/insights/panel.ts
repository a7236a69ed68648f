/**
 * "Post-Mortem: Show Insights": one webview panel drawn from the workspace index
 * (`insights/page.ts`), redrawn whenever the index changes while it is open.
 */
import * as vscode from 'vscode';
import { COMMANDS, INSIGHTS_PANEL_TYPE } from '../constants';
import type { IncidentsTracker } from '../incidents/index-tracker';
import type { InsightsInput } from './page';
import { insightsPage } from './page';

/** A nonce for the page's style element: 128 random bits. */
function nonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
}

/** A `command:` link with its arguments, as webviews run them. */
function commandLink(command: string, args: unknown[] = []): string {
  return `command:${command}?${encodeURIComponent(JSON.stringify(args))}`;
}

export class InsightsPanel implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(private readonly tracker: IncidentsTracker) {
    this.disposables.push(tracker.onDidChange(() => this.render()));
  }

  /** The open panel, if any (the end-to-end tests read its title). */
  get current(): vscode.WebviewPanel | undefined {
    return this.panel;
  }

  /** Opens the panel, or brings the open one forward. */
  show(): void {
    if (this.panel) {
      this.panel.reveal();
      return;
    }
    const panel = vscode.window.createWebviewPanel(
      INSIGHTS_PANEL_TYPE,
      vscode.l10n.t('Post-Mortem Insights'),
      vscode.ViewColumn.Active,
      {
        // No script: the page is HTML and SVG. Its links open a report or write a new one.
        enableScripts: false,
        enableCommandUris: ['vscode.open', COMMANDS.newPostmortem],
        localResourceRoots: [],
      },
    );
    const watching = this.tracker.watch();
    panel.onDidDispose(() => {
      watching.dispose();
      this.panel = undefined;
    });
    this.panel = panel;
    this.render();
  }

  private render(): void {
    if (!this.panel) return;
    const state = this.tracker.state;
    const input: InsightsInput =
      state.kind === 'listed'
        ? { kind: 'listed', incidents: state.result.incidents, indexing: state.result.indexing }
        : state;
    this.panel.webview.html = insightsPage(input, {
      nonce: nonce(),
      openLink: (uri) => commandLink('vscode.open', [vscode.Uri.parse(uri)]),
      newReportLink: commandLink(COMMANDS.newPostmortem),
    });
  }

  dispose(): void {
    this.panel?.dispose();
    for (const disposable of this.disposables) disposable.dispose();
  }
}
