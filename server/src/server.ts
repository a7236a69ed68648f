/**
 * The post-mortem language server's Node entry: the engine behind LSP, over IPC (VS Code) or
 * stdio (any other editor: `node server/out/server.js --stdio`), configuration files and the
 * workspace's reports read from disk, V8's heap tuned for a process that runs for hours. The
 * web worker's entry is `browser-server.ts`.
 */
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from './lsp/server';
import { diskConfigFiles } from './node/disk-config-files';
import { diskWorkspaceFiles } from './node/workspace-files';
import { fullCollection } from './node/full-collection';
import {
  EXPOSE_GC_FLAG,
  OLD_GENERATION_FLAG,
  SERVER_HEAP_FLAG,
  TIERING_FLAG,
  setUnlessGiven,
} from './node/v8-flags';

const v8Flags = [SERVER_HEAP_FLAG, OLD_GENERATION_FLAG, TIERING_FLAG, EXPOSE_GC_FLAG]
  .filter((flag) => setUnlessGiven(flag))
  .map(({ flag }) => flag);

startServer(createConnection(ProposedFeatures.all), {
  configFiles: diskConfigFiles,
  workspaceFiles: diskWorkspaceFiles,
  collect: fullCollection(),
  v8Flags,
  catchUncaught: (report) => {
    process.on('uncaughtException', (error) => report('Uncaught exception', error));
    process.on('unhandledRejection', (reason) => report('Unhandled rejection', reason));
  },
});
