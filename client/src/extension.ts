/**
 * The VS Code side of Post-Mortem Authoring: starts the language server and adds the UI that
 * LSP has no place for (the view, the status bar item, the commands). Every check, fix and
 * metric comes from the server.
 */
import type MarkdownIt from 'markdown-it';
import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { registerCommands } from './commands/register';
import { CLIENT_NAME, CONTEXT_KEYS, OUTLINE_VIEW_ID } from './constants';
import { IncidentsTracker } from './incidents/index-tracker';
import { IncidentsView } from './incidents/view';
import { InsightsPanel } from './insights/panel';
import { OutlineTracker } from './outline-tracker';
import type { OutlineNode } from './outline-view';
import { OutlineViewProvider } from './outline-view';
import { previewPlugin } from './preview/markdown-it-plugin';
import { PreviewConfigs } from './preview/preview-configs';
import type { PreviewBundle } from '../../server/src/protocol';
import { ServerStarter } from './server-start';
import { OutlineStatusBar } from './status-bar';

let client: BaseLanguageClient | undefined;

/**
 * A language client for the bundled server, not started: over IPC to a Node process
 * (`main-node.ts`) or to a web worker (`main-browser.ts`), the entries that call `activateWith`.
 */
export type ClientFactory = (
  context: vscode.ExtensionContext,
  outputChannel: vscode.LogOutputChannel,
) => BaseLanguageClient;

/**
 * What `activate` returns (`vscode.extensions.getExtension(id).exports`): the markdown-it
 * plugin of the Markdown preview, which VS Code's Markdown extension calls
 * (`contributes.markdown.markdownItPlugins`), and the Post-Mortem view, so the end-to-end tests
 * can read the rows it shows.
 */
export interface PostmortemExtensionApi {
  /** The view in the Explorer (its visibility and title). */
  readonly outlineView: vscode.TreeView<OutlineNode>;
  /** Its rows, as VS Code reads them. */
  readonly outlineRows: vscode.TreeDataProvider<OutlineNode>;
  /** The Incidents view: the reports of the workspace, as VS Code reads its rows. */
  readonly incidentsView: IncidentsView;
  /** The insights panel (its webview, when open). */
  readonly insightsPanel: InsightsPanel;
  /** Absent where the host cannot load the preview's engine (the web). */
  readonly extendMarkdownIt?: (md: MarkdownIt) => MarkdownIt;
}

/**
 * Called by VS Code on the first Markdown file, `.postmortemrc.json` or command, through the
 * entry of the host it runs in. The server starts later, when a post-mortem is first seen
 * (`server-start.ts`). `loadPreview` loads the preview's engine bundle; without it the
 * Markdown preview is left as VS Code renders it.
 */
export async function activateWith(
  context: vscode.ExtensionContext,
  createClient: ClientFactory,
  loadPreview?: () => PreviewBundle,
): Promise<PostmortemExtensionApi> {
  const outputChannel = vscode.window.createOutputChannel(CLIENT_NAME, { log: true });
  client = createClient(context, outputChannel);
  const starter = new ServerStarter(client, outputChannel);
  const tracker = new OutlineTracker(client);
  const view = new OutlineViewProvider(tracker);
  const statusBar = new OutlineStatusBar();
  const index = new IncidentsTracker(client, starter);
  const incidents = new IncidentsView(index);
  const insights = new InsightsPanel(index);
  const treeView = vscode.window.createTreeView(OUTLINE_VIEW_ID, { treeDataProvider: view });
  context.subscriptions.push(
    outputChannel,
    starter,
    tracker,
    statusBar,
    treeView,
    index,
    incidents,
    insights,
    tracker.onDidChange(() => {
      view.refresh();
      statusBar.update(tracker.outline);
      const document = tracker.document;
      // Names the report the view shows, as the Outline view does.
      treeView.description =
        document && tracker.outline?.isPostmortem
          ? vscode.workspace.asRelativePath(document.uri, false)
          : undefined;
    }),
    ...registerCommands({ client, tracker, starter, incidents, insights }),
  );
  await vscode.commands.executeCommand('setContext', CONTEXT_KEYS.active, true);
  tracker.follow();
  await starter.watch();
  const api = {
    outlineView: treeView,
    outlineRows: view,
    incidentsView: incidents,
    insightsPanel: insights,
  };
  if (!loadPreview) return api;
  const previewConfigs = new PreviewConfigs(client, tracker);
  context.subscriptions.push(previewConfigs);
  const extendMarkdownIt = previewPlugin(
    previewConfigs,
    (uri) => tracker.protocolUri(uri),
    loadPreview,
    (error) => outputChannel.error('The Markdown preview could not show the metrics', error),
  );
  return { ...api, extendMarkdownIt };
}

/** Stops the server. */
export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
