/**
 * What the language client asks of the server and adds to its answers, wherever the server
 * runs (a Node process, a web worker): the documents and settings it is told about, and the
 * VS Code touches on its quick fixes and lens.
 */
import type * as vscode from 'vscode';
import type {
  BaseLanguageClient,
  DocumentSelector,
  LanguageClientOptions,
} from 'vscode-languageclient';
import type { InitializationOptions } from '../../server/src/protocol';
import { SETTINGS_SECTION, SHOW_METRICS_COMMAND } from '../../server/src/protocol';
import { isCodeAction } from './commands/source-actions';
import { showMetricsBreakdown } from './metrics-breakdown';
import { withRevealCommand } from './reveal-insertion';

/**
 * The options of a client for `documentSelector`; `client` gives the client they end up in
 * (its commands ask the server through it).
 */
export function clientOptions(
  documentSelector: DocumentSelector,
  outputChannel: vscode.LogOutputChannel,
  client: () => BaseLanguageClient,
): LanguageClientOptions {
  // VS Code's Markdown support has the outline, breadcrumbs and folding of the headings.
  const initializationOptions: InitializationOptions = { documentStructure: false };
  return {
    documentSelector,
    initializationOptions,
    synchronize: { configurationSection: SETTINGS_SECTION },
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
          ? showMetricsBreakdown(client(), args[0])
          : next(command, args),
    },
  };
}
