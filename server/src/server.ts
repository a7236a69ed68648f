/**
 * The post-mortem language server's entry: the engine behind LSP, over IPC (VS Code) or stdio
 * (any other editor: `node server/out/server.js --stdio`).
 */
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from './lsp/server';

startServer(createConnection(ProposedFeatures.all));
