/**
 * The post-mortem language server's web entry (`server/out/browser-server.js`): the same server
 * in a web worker, over `postMessage`, with the configuration files the client hands over.
 */
import {
  BrowserMessageReader,
  BrowserMessageWriter,
  createConnection,
  ProposedFeatures,
} from 'vscode-languageserver/browser';
import { startServer } from './lsp/server';
import { HandedConfigFiles } from './lsp/session/handed-config-files';

/** The worker's global scope, as far as this entry uses it (the project is typed for Node). */
interface WorkerScope {
  addEventListener(type: 'error', listener: (event: { error: unknown }) => void): void;
  addEventListener(
    type: 'unhandledrejection',
    listener: (event: { reason: unknown }) => void,
  ): void;
}

const worker = globalThis as unknown as WorkerScope;

startServer(
  createConnection(
    ProposedFeatures.all,
    new BrowserMessageReader(worker),
    new BrowserMessageWriter(worker),
  ),
  {
    configFiles: new HandedConfigFiles(),
    // No file system: the workspace index holds the open reports of the workspace folders.
    workspaceFiles: null,
    collect: null,
    v8Flags: [],
    catchUncaught: (report) => {
      worker.addEventListener('error', (event) => report('Uncaught exception', event.error));
      worker.addEventListener('unhandledrejection', (event) =>
        report('Unhandled rejection', event.reason),
      );
    },
  },
);
