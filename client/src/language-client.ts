/** Starts the post-mortem language server (`server/out/server.js`) as a Node process over IPC. */
import * as vscode from 'vscode';
import type { LanguageClientOptions, ServerOptions } from 'vscode-languageclient/node';
import { LanguageClient, TransportKind } from 'vscode-languageclient/node';
import { SERVER_NODE_FLAGS, SETTINGS_SECTION } from '../../server/src/protocol';
import { clientOptions } from './client-options';
import { CLIENT_ID, CLIENT_NAME, CONFIG_FILE_GLOB } from './constants';

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
  const options: LanguageClientOptions = {
    ...clientOptions(DOCUMENT_SELECTOR, outputChannel, () => client),
    synchronize: { configurationSection: SETTINGS_SECTION, fileEvents: configWatcher },
  };
  const client = new LanguageClient(CLIENT_ID, CLIENT_NAME, serverOptions, options);
  return client;
}
