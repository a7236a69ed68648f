/**
 * The post-mortem language server: the engine behind LSP, over IPC (VS Code) or stdio (any
 * other editor: `node server/out/server.js --stdio`).
 */
import type {
  CodeActionParams,
  CodeLensParams,
  CompletionParams,
  DocumentSymbolParams,
  ExecuteCommandParams,
  FoldingRangeParams,
  HoverParams,
  InitializeParams,
  InitializeResult,
  InlayHintParams,
} from 'vscode-languageserver';
import {
  CodeLensRefreshRequest,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  ErrorCodes,
  MessageType,
  ResponseError,
  ShowMessageNotification,
  TextDocuments,
  TextDocumentSyncKind,
} from 'vscode-languageserver';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { CONFIG_FILE_NAME } from './node/config-files';
import type {
  NewTimelineEntryParams,
  NewTimelineEntryResult,
  OutlineParams,
  OutlineResult,
  TemplateParams,
  TemplateResult,
} from './protocol';
import {
  NEW_TIMELINE_ENTRY_REQUEST,
  OUTLINE_REQUEST,
  SETTINGS_SECTION,
  SHOW_METRICS_COMMAND,
  TEMPLATE_REQUEST,
} from './protocol';
import { isMarkdown, uriToPath } from './lsp/session/applicability';
import { codeActions, PROVIDED_CODE_ACTION_KINDS } from './lsp/features/code-actions';
import { codeLenses } from './lsp/features/code-lens';
import { COMPLETION_TRIGGERS, completions } from './lsp/features/completion';
import { ConfigurationResolver, isConfigFileUri } from './lsp/session/config';
import type { AnalyzedPostmortem } from './lsp/session/documents';
import { DocumentAnalyses, isAnalyzedPostmortem } from './lsp/session/documents';
import { fullCollection, IdleCollector } from './lsp/session/idle-collector';
import { hover } from './lsp/features/hover';
import { inlayHints } from './lsp/features/inlay-hints';
import { metricsBreakdown } from './lsp/features/metrics-text';
import { outline } from './lsp/features/outline';
import { describeError, guarded } from './lsp/session/guarded';
import { SettingsStore } from './lsp/session/settings';
import { documentSymbols, foldingRanges } from './lsp/features/symbols';
import { template } from './lsp/features/template';
import { newTimelineEntry } from './lsp/features/timeline-entry';

const connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);

// Set up in `initialize`, once the client's capabilities are known.
let settings = new SettingsStore(connection, false);
let configs = new ConfigurationResolver(connection, documents, settings);
let workspaceFolders: string[] = [];
let refreshViews = (): void => {};
const collect = fullCollection();
const analyses = new DocumentAnalyses(
  connection,
  documents,
  (uri) => configs.forDocument(uri),
  () => workspaceFolders,
  collect ? { collector: new IdleCollector(collect) } : {},
);
/** Documents just opened: analysed at once rather than after the typing pause. */
const justOpened = new Set<string>();

function foldersOf(folders: { uri: string }[]): string[] {
  return folders.flatMap((folder) => {
    const path = uriToPath(folder.uri);
    return path ? [path] : [];
  });
}

connection.onInitialize((params: InitializeParams): InitializeResult => {
  const { workspace } = params.capabilities;
  settings = new SettingsStore(connection, workspace?.configuration === true);
  configs = new ConfigurationResolver(connection, documents, settings);
  workspaceFolders = foldersOf(
    params.workspaceFolders ?? (params.rootUri ? [{ uri: params.rootUri }] : []),
  );
  const refreshLenses = workspace?.codeLens?.refreshSupport === true;
  const refreshHints = workspace?.inlayHint?.refreshSupport === true;
  refreshViews = () => {
    if (refreshLenses) void connection.sendRequest(CodeLensRefreshRequest.type);
    if (refreshHints) void connection.languages.inlayHint.refresh();
  };

  connection.onInitialized(() => {
    if (workspace?.didChangeConfiguration?.dynamicRegistration) {
      void connection.client.register(DidChangeConfigurationNotification.type, {
        section: SETTINGS_SECTION,
      });
    }
    if (workspace?.didChangeWatchedFiles?.dynamicRegistration) {
      void connection.client.register(DidChangeWatchedFilesNotification.type, {
        watchers: [{ globPattern: `**/${CONFIG_FILE_NAME}` }],
      });
    }
    if (workspace?.workspaceFolders) {
      connection.workspace.onDidChangeWorkspaceFolders((event) => {
        const removed = new Set(foldersOf(event.removed));
        workspaceFolders = [
          ...workspaceFolders.filter((folder) => !removed.has(folder)),
          ...foldersOf(event.added),
        ];
        recheckAll();
      });
    }
  });

  return {
    capabilities: {
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
      codeActionProvider: { codeActionKinds: PROVIDED_CODE_ACTION_KINDS },
      codeLensProvider: { resolveProvider: false },
      inlayHintProvider: true,
      hoverProvider: true,
      completionProvider: { triggerCharacters: COMPLETION_TRIGGERS },
      documentSymbolProvider: true,
      foldingRangeProvider: true,
      executeCommandProvider: { commands: [SHOW_METRICS_COMMAND] },
      workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
    },
    serverInfo: { name: 'postmortem-language-server' },
  };
});

/** Settings or configuration files changed: every open report is checked again. */
function recheckAll(): void {
  configs.clear();
  analyses.invalidateAll();
  refreshViews();
}

/**
 * A guarded handler for a request about one document: `answer` runs when the document is an
 * analysed post-mortem; anything else (a README, a closed document) gets `fallback`.
 */
function forPostmortem<P extends { textDocument: { uri: string } }, R>(
  method: string,
  fallback: R,
  answer: (document: AnalyzedPostmortem, params: P) => R,
): (params: P) => Promise<R> {
  return guarded(
    connection,
    method,
    async (params: P) => {
      const document = await analyses.get(params.textDocument.uri);
      return isAnalyzedPostmortem(document) ? answer(document, params) : fallback;
    },
    fallback,
  );
}

documents.onDidOpen(({ document }) => justOpened.add(document.uri));

documents.onDidChangeContent(({ document }) => {
  const opened = justOpened.delete(document.uri);
  if (isConfigFileUri(document.uri)) {
    recheckAll();
    configs.refreshConfigFile(document.uri);
  } else if (isMarkdown(document.languageId, document.uri)) {
    if (opened) analyses.opened(document.uri);
    else analyses.edited(document.uri);
  }
});

documents.onDidClose(({ document }) => {
  justOpened.delete(document.uri);
  // An open configuration file's unsaved text stood in for the file: back to the disk's.
  if (isConfigFileUri(document.uri)) recheckAll();
  else if (isMarkdown(document.languageId, document.uri)) analyses.forget(document.uri);
});

connection.onDidChangeConfiguration(
  guarded(
    connection,
    'workspace/didChangeConfiguration',
    (params) => {
      settings.changed(params.settings);
      recheckAll();
    },
    undefined,
  ),
);

connection.onDidChangeWatchedFiles(
  guarded(
    connection,
    'workspace/didChangeWatchedFiles',
    (params) => {
      if (params.changes.some((change) => isConfigFileUri(change.uri))) recheckAll();
    },
    undefined,
  ),
);

connection.onCodeLens(
  forPostmortem('textDocument/codeLens', [], (document, _params: CodeLensParams) =>
    document.settings.codeLens.enabled ? codeLenses(document) : [],
  ),
);

connection.languages.inlayHint.on(
  forPostmortem('textDocument/inlayHint', [], (document, params: InlayHintParams) =>
    document.settings.inlayHints.enabled ? inlayHints(document, params.range) : [],
  ),
);

connection.onHover(
  forPostmortem('textDocument/hover', null, (document, params: HoverParams) =>
    hover(document, params.position),
  ),
);

connection.onCodeAction(
  forPostmortem('textDocument/codeAction', [], (document, params: CodeActionParams) =>
    codeActions(document, params),
  ),
);

connection.onCompletion(
  forPostmortem('textDocument/completion', [], (document, params: CompletionParams) =>
    completions(document, params.position, new Date()),
  ),
);

connection.onDocumentSymbol(
  forPostmortem('textDocument/documentSymbol', [], (document, _params: DocumentSymbolParams) =>
    documentSymbols(document),
  ),
);

connection.onFoldingRanges(
  forPostmortem('textDocument/foldingRange', [], (document, _params: FoldingRangeParams) =>
    foldingRanges(document),
  ),
);

connection.onExecuteCommand(
  guarded(
    connection,
    'workspace/executeCommand',
    async (params: ExecuteCommandParams) => {
      if (params.command !== SHOW_METRICS_COMMAND) {
        throw new ResponseError(ErrorCodes.InvalidParams, `Unknown command \`${params.command}\``);
      }
      const uri = params.arguments?.[0];
      const document = typeof uri === 'string' ? await analyses.get(uri) : undefined;
      const message = isAnalyzedPostmortem(document)
        ? metricsBreakdown(document.analysis.model)
        : 'Open a post-mortem to see its metrics.';
      // A notification rather than a request: every editor shows it, none has to answer.
      await connection.sendNotification(ShowMessageNotification.type, {
        type: MessageType.Info,
        message,
      });
      return message;
    },
    null,
  ),
);

connection.onRequest(
  OUTLINE_REQUEST,
  guarded(
    connection,
    OUTLINE_REQUEST,
    async (params: OutlineParams): Promise<OutlineResult> =>
      outline(params.uri, await analyses.get(params.uri)),
    null,
  ),
);

connection.onRequest(
  NEW_TIMELINE_ENTRY_REQUEST,
  guarded(
    connection,
    NEW_TIMELINE_ENTRY_REQUEST,
    async (params: NewTimelineEntryParams): Promise<NewTimelineEntryResult | null> => {
      const now = new Date(params.now);
      if (Number.isNaN(now.getTime())) {
        throw new ResponseError(
          ErrorCodes.InvalidParams,
          `Expected an ISO time, found \`${params.now}\``,
        );
      }
      const document = await analyses.get(params.uri);
      return isAnalyzedPostmortem(document) ? newTimelineEntry(document, now) : null;
    },
    null,
  ),
);

connection.onRequest(
  TEMPLATE_REQUEST,
  guarded(
    connection,
    TEMPLATE_REQUEST,
    (params: TemplateParams): Promise<TemplateResult> =>
      template(params, (uri) => configs.forResource(uri)),
    null,
  ),
);

// Last line of defence: a bug in a timer or a dropped promise is logged, and serving goes on.
process.on('uncaughtException', (error) =>
  connection.console.error(`Uncaught exception: ${describeError(error)}`),
);
process.on('unhandledRejection', (reason) =>
  connection.console.error(`Unhandled rejection: ${describeError(reason)}`),
);

documents.listen(connection);
connection.listen();
