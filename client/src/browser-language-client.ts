/**
 * Starts the post-mortem language server (`server/out/browser-server.js`) in a web worker, for
 * the web (vscode.dev, github.dev), and hands it the configuration files it cannot read itself.
 */
import * as vscode from 'vscode';
import { LanguageClient } from 'vscode-languageclient/browser';
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

/** A language client for the bundled web server; each start runs it in a new worker. */
export function createBrowserLanguageClient(
  context: vscode.ExtensionContext,
  outputChannel: vscode.LogOutputChannel,
): LanguageClient {
  const main = vscode.Uri.joinPath(context.extensionUri, 'server', 'out', 'browser-server.js');
  let worker: InstanceType<typeof Worker> | undefined;
  const start = (): Promise<InstanceType<typeof Worker>> => {
    // A restart starts afresh: the stopped server's worker goes.
    worker?.terminate();
    worker = new Worker(main.toString(true), { name: CLIENT_NAME });
    return Promise.resolve(worker);
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
