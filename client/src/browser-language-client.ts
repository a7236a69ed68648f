/**
 * Starts the post-mortem language server (`server/out/browser-server.js`) in a web worker, for
 * the web (vscode.dev, github.dev), and hands it the configuration files it cannot read itself.
 */
import * as vscode from 'vscode';
import type { MessageTransports } from 'vscode-languageclient/browser';
import {
  BrowserMessageReader,
  BrowserMessageWriter,
  LanguageClient,
} from 'vscode-languageclient/browser';
import { CONFIG_FILE_NAME } from '../../server/src/protocol';
import { clientOptions } from './client-options';
import { handOverConfigFiles } from './config-hand-over';
import { CLIENT_ID, CLIENT_NAME } from './constants';

/** A web worker, as far as the client uses one (the project is typed for Node). */
declare const Worker: new (url: string, options: { name: string }) => { terminate(): void };

/** Markdown of any scheme (a repository's `vscode-vfs:` on github.dev, untitled) and configuration files. */
export const WEB_DOCUMENT_SELECTOR = [
  { language: 'markdown' },
  { pattern: `**/${CONFIG_FILE_NAME}` },
];

/**
 * Where the worker loads the server from. The web worker extension host starts no worker from
 * a `vscode-remote:` script (the extension installed on a code-server or VS Code Server, run
 * in the browser): the script is read through `workspace.fs` and started from a blob instead.
 */
async function serverScript(main: vscode.Uri): Promise<string> {
  if (main.scheme !== 'vscode-remote') return main.toString(true);
  const script = await vscode.workspace.fs.readFile(main);
  return URL.createObjectURL(new Blob([script], { type: 'text/javascript' }));
}

/** A language client for the bundled web server; each start runs it in a new worker. */
export function createBrowserLanguageClient(
  context: vscode.ExtensionContext,
  outputChannel: vscode.LogOutputChannel,
): LanguageClient {
  const main = vscode.Uri.joinPath(context.extensionUri, 'server', 'out', 'browser-server.js');
  let worker: InstanceType<typeof Worker> | undefined;
  // The worker's transports rather than the worker: the extension host's `Worker` is its own,
  // which the client's `instanceof Worker` does not recognise.
  const start = async (): Promise<MessageTransports> => {
    // A restart starts afresh: the stopped server's worker goes.
    worker?.terminate();
    worker = new Worker(await serverScript(main), { name: CLIENT_NAME });
    return { reader: new BrowserMessageReader(worker), writer: new BrowserMessageWriter(worker) };
  };
  const client: LanguageClient = new LanguageClient(
    CLIENT_ID,
    CLIENT_NAME,
    start,
    clientOptions(WEB_DOCUMENT_SELECTOR, outputChannel, () => client),
  );
  context.subscriptions.push(handOverConfigFiles(client), { dispose: () => worker?.terminate() });
  return client;
}
