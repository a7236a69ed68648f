/** Starts the post-mortem language server (`server/out/server.js`) as a Node process over IPC. */
import * as vscode from 'vscode';
import type { LanguageClientOptions, ServerOptions } from 'vscode-languageclient/node';
import { LanguageClient, TransportKind } from 'vscode-languageclient/node';
import type { InitializationOptions } from '../../server/src/protocol';
import {
  SERVER_NODE_FLAGS,
  SETTINGS_SECTION,
  SHOW_METRICS_COMMAND,
} from '../../server/src/protocol';
import { CLIENT_ID, CLIENT_NAME, CONFIG_FILE_GLOB } from './constants';
import { isCodeAction } from './commands/source-actions';
import { showMetricsBreakdown } from './metrics-breakdown';
import { withRevealCommand } from './reveal-insertion';

/** Markdown on disk and untitled, and `.postmortemrc.json` files: the documents the server checks. */
export const DOCUMENT_SELECTOR = [
  { scheme: 'file', language: 'markdown' },
  { scheme: 'untitled', language: 'markdown' },
  // Open configuration files are checked as they are typed in, not only when saved.
  { scheme: 'file', pattern: '**/.postmortemrc.json' },
];

/**
 * A language client for the bundled server. Not started; the default error handler restarts a
 * crashed server up to 4 times, then gives up on the fifth crash within 3 minutes.
 */
export function createLanguageClient(
  context: vscode.ExtensionContext,
  outputChannel: vscode.LogOutputChannel,
): LanguageClient {
  const module = context.asAbsolutePath('server/out/server.js');
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc, options: { execArgv: [...SERVER_NODE_FLAGS] } },
    debug: {
      module,
      transport: TransportKind.ipc,
      // A fixed port, so a "Attach to Server" launch configuration can find it.
      options: { execArgv: [...SERVER_NODE_FLAGS, '--nolazy', '--inspect=6009'] },
    },
  };
  const configWatcher = vscode.workspace.createFileSystemWatcher(CONFIG_FILE_GLOB);
  context.subscriptions.push(configWatcher);
  // VS Code's Markdown support has the outline, breadcrumbs and folding of the headings.
  const initializationOptions: InitializationOptions = { documentStructure: false };
  const clientOptions: LanguageClientOptions = {
    documentSelector: DOCUMENT_SELECTOR,
    initializationOptions,
    synchronize: { configurationSection: SETTINGS_SECTION, fileEvents: configWatcher },
    outputChannel,
    middleware: {
      // A quick fix that inserts a section shows it.
      provideCodeActions: async (document, range, context, token, next) =>
        (await next(document, range, context, token))?.map((item) =>
          isCodeAction(item) ? withRevealCommand(item, document.uri) : item,
        ),
      // The lens's breakdown as a quick pick rather than the server's one-line message.
      executeCommand: (command, args, next) =>
        command === SHOW_METRICS_COMMAND && typeof args[0] === 'string'
          ? showMetricsBreakdown(client, args[0])
          : next(command, args),
    },
  };
  const client = new LanguageClient(CLIENT_ID, CLIENT_NAME, serverOptions, clientOptions);
  return client;
}
