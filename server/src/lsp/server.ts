/**
 * The post-mortem language server on a connection: `initialize` sets up one session (the
 * client's capabilities, settings, configuration files, document analyses) and the handlers
 * of every feature serve from it.
 */
import type {
  CancellationToken,
  CodeActionParams,
  DocumentDiagnosticParams,
  DocumentDiagnosticReport,
  Connection,
  CodeLensParams,
  CompletionParams,
  DocumentSymbolParams,
  ExecuteCommandParams,
  FoldingRangeParams,
  HoverParams,
  InitializeParams,
  InitializeResult,
  InlayHintParams,
  WorkspaceDiagnosticParams,
} from 'vscode-languageserver';
import {
  CodeLensRefreshRequest,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  ErrorCodes,
  FileChangeType,
  MessageType,
  ResponseError,
  ShowMessageNotification,
  TextDocuments,
  TextDocumentSyncKind,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type {
  CheckAllResult,
  ConfigFilesParams,
  IncidentsResult,
  InitializationOptions,
  MetricsBreakdown,
  MetricsBreakdownParams,
  NewTimelineEntryParams,
  NewTimelineEntryResult,
  OutlineParams,
  OutlineResult,
  PreviewConfigParams,
  PreviewConfigResult,
  TemplateParams,
  TemplateResult,
} from '../protocol';
import {
  CHECK_ALL_REQUEST,
  CONFIG_FILES_NOTIFICATION,
  INCIDENTS_REQUEST,
  METRICS_BREAKDOWN_REQUEST,
  NEW_TIMELINE_ENTRY_REQUEST,
  OUTLINE_REQUEST,
  PREVIEW_CONFIG_REQUEST,
  SHOW_METRICS_COMMAND,
  TEMPLATE_REQUEST,
} from '../protocol';
import { CONFIG_FILE_NAME, MARKDOWN_EXTENSIONS } from '../engine';
import type { ConfigFiles, ServerHost } from './host';
import { isMarkdown } from './session/applicability';
import { documentDiagnostics } from './session/diagnostics';
import { codeActions, PROVIDED_CODE_ACTION_KINDS } from './features/code-actions';
import { codeLenses } from './features/code-lens';
import { previewConfig } from './features/preview-config';
import { COMPLETION_TRIGGERS, completions } from './features/completion';
import { ConfigurationResolver, isConfigFileUri } from './session/config';
import type { AnalyzedPostmortem } from './session/analyzed';
import { isAnalyzedPostmortem } from './session/analyzed';
import { DocumentAnalyses } from './session/documents';
import { IdleCollector } from './session/idle-collector';
import { hover } from './features/hover';
import { inlayHints } from './features/inlay-hints';
import { breakdownText, metricsBreakdown } from './features/metrics-text';
import { outline } from './features/outline';
import { describeError, guarded } from './session/guarded';
import { Lifecycle, throwIfCancelled } from './session/lifecycle';
import { warmUpWhileIdle } from './session/warm-up';
import { SETTINGS_SECTION } from './session/setting-names';
import { SettingsStore } from './session/settings';
import { documentSymbols, foldingRanges } from './features/symbols';
import { template } from './features/template';
import { newTimelineEntry } from './features/timeline-entry';
import { checkAll, workspaceDiagnostics } from './workspace/workspace-diagnostics';
import { IGNORE_FILE_NAMES, WorkspaceIndex } from './workspace/workspace-index';

/** The pause in typing in a configuration file after which open reports are checked again. */
const CONFIG_TYPING_PAUSE_MS = 300;

/** How long after `initialized` the workspace index starts reading the workspace folders. */
const INDEX_DELAY_MS = 1000;

/** Quiet time (ms) after the last check before a client that pulls is asked to pull again. */
const PULL_REFRESH_MS = 50;

/**
 * Starts serving on `connection`, with what `host` gives of the platform: the session is set
 * up by the client's `initialize`.
 */
export function startServer(connection: Connection, host: ServerHost): void {
  const documents = new TextDocuments(TextDocument);
  const lifecycle = new Lifecycle();
  connection.onInitialize((params) => {
    lifecycle.initialized();
    return serve(connection, documents, host, params, lifecycle);
  });
  connection.onShutdown(() => lifecycle.shutDown());
  // Requests with no handler: before `initialize` none has one yet.
  connection.onRequest((method) => {
    throw (
      lifecycle.refusal(method) ??
      new ResponseError(
        ErrorCodes.MethodNotFound,
        `\`${method}\` is not a request this server answers`,
      )
    );
  });
  // Last line of defence: a bug in a timer or a dropped promise is logged, and serving goes on.
  host.catchUncaught((kind, error) => connection.console.error(`${kind}: ${describeError(error)}`));
  documents.listen(connection);
  connection.listen();
}

function foldersOf(files: ConfigFiles, folders: { uri: string }[]): string[] {
  return folders.flatMap((folder) => {
    const location = files.locate(folder.uri);
    return location ? [location] : [];
  });
}

/** Sets up the session `initialize` asks for, registers every handler, and answers it. */
function serve(
  connection: Connection,
  documents: TextDocuments<TextDocument>,
  { configFiles, workspaceFiles, collect, v8Flags }: ServerHost,
  params: InitializeParams,
  lifecycle: Lifecycle,
): InitializeResult {
  const { workspace } = params.capabilities;
  const settings = new SettingsStore(connection, workspace?.configuration === true);
  const configs = new ConfigurationResolver(connection, documents, settings, configFiles);
  const workspaceFolders = new Set(
    foldersOf(
      configFiles,
      params.workspaceFolders ?? (params.rootUri ? [{ uri: params.rootUri }] : []),
    ),
  );
  // A client that pulls diagnostics gets them only so: pushed too, each would show twice.
  const pullDiagnostics = params.capabilities.textDocument?.diagnostic !== undefined;
  const collector = collect ? new IdleCollector(collect) : undefined;
  // Checked after the typing pause as for a push client: then asked to pull, once for a burst.
  let refreshTimer: NodeJS.Timeout | undefined;
  const refreshPulled =
    pullDiagnostics && workspace?.diagnostics?.refreshSupport === true
      ? () => {
          clearTimeout(refreshTimer);
          refreshTimer = setTimeout(
            () => void connection.languages.diagnostics.refresh(),
            PULL_REFRESH_MS,
          );
        }
      : undefined;
  const index = new WorkspaceIndex({
    connection,
    files: workspaceFiles,
    configFiles,
    folders: () => [...workspaceFolders],
    configure: (uri, settingsScope) => configs.forDocument(uri, settingsScope),
    extensionsFor: (folder) => configs.extensionsFor(folder),
    openLocations: () =>
      documents.all().flatMap((document) => {
        const location = isMarkdown(document.languageId, document.uri)
          ? configFiles.locate(document.uri)
          : null;
        return location === null ? [] : [location];
      }),
    editorBusy: () => analyses.busy,
    analysedChars: (chars) => collector?.analysed(chars),
  });
  const analyses = new DocumentAnalyses(
    connection,
    documents,
    (uri) => configs.forDocument(uri),
    () => [...workspaceFolders],
    (uri) => configFiles.locate(uri),
    {
      ...(collector ? { collector } : {}),
      pushDiagnostics: !pullDiagnostics,
      ...(refreshPulled ? { refreshPulled } : {}),
      onAnalysed: (analyzed) => index.analysed(analyzed),
    },
  );
  /** Documents just opened: analysed at once rather than after the typing pause. */
  const justOpened = new Set<string>();
  const refreshLenses = workspace?.codeLens?.refreshSupport === true;
  const refreshHints = workspace?.inlayHint?.refreshSupport === true;
  const options = (params.initializationOptions ?? {}) as InitializationOptions;
  const documentStructure = options.documentStructure !== false;

  /** Settings or configuration files changed: every open report is checked again. */
  const recheckAll = (): void => {
    configs.clear();
    analyses.invalidateAll();
    index.rescan();
    if (refreshLenses) void connection.sendRequest(CodeLensRefreshRequest.type);
    if (refreshHints) void connection.languages.inlayHint.refresh();
  };

  /** A guarded handler for request `method`, answering the lifecycle's errors outside serving. */
  const request = <P extends unknown[], R>(
    method: string,
    handler: (...params: P) => R | Promise<R>,
    fallback: R,
  ): ((...params: P) => Promise<R>) =>
    guarded(connection, method, lifecycle.serving(method, handler), fallback);

  /**
   * A guarded handler for a request about one document: `answer` runs when the document is an
   * analysed post-mortem; anything else (a README, a closed document) gets `fallback`.
   */
  const forPostmortem = <P extends { textDocument: { uri: string } }, R>(
    method: string,
    fallback: R,
    answer: (document: AnalyzedPostmortem, params: P) => R,
  ): ((params: P, token?: CancellationToken) => Promise<R>) =>
    request(
      method,
      async (params: P, token?: CancellationToken) => {
        throwIfCancelled(token);
        const document = await analyses.get(params.textDocument.uri);
        // Cancelled while the newest version was analysed: the analysis is kept, not the answer.
        throwIfCancelled(token);
        return isAnalyzedPostmortem(document) ? answer(document, params) : fallback;
      },
      fallback,
    );

  connection.onInitialized(() => {
    // Where memory or speed is in question, the log says how the process was tuned.
    if (v8Flags.length > 0) connection.console.info(`V8 flags set at start: ${v8Flags.join(' ')}`);
    // Idle before the first document: compile the analysis now rather than on its open.
    warmUpWhileIdle(() => documents.all().length === 0, collect);
    if (workspace?.didChangeConfiguration?.dynamicRegistration) {
      void connection.client.register(DidChangeConfigurationNotification.type, {
        section: SETTINGS_SECTION,
      });
    }
    // Where the client hands the files over, it hands them over again when they change.
    if (workspace?.didChangeWatchedFiles?.dynamicRegistration && !configFiles.handOver) {
      void connection.client.register(DidChangeWatchedFilesNotification.type, {
        watchers: watchedFiles().map((globPattern) => ({ globPattern })),
      });
    }
    // The document the editor opens with is served first.
    setTimeout(() => index.start(), INDEX_DELAY_MS);
    if (workspace?.workspaceFolders) {
      connection.workspace.onDidChangeWorkspaceFolders((event) => {
        for (const folder of foldersOf(configFiles, event.removed)) {
          workspaceFolders.delete(folder);
        }
        for (const folder of foldersOf(configFiles, event.added)) workspaceFolders.add(folder);
        recheckAll();
      });
    }
  });

  documents.onDidOpen(({ document }) => justOpened.add(document.uri));

  /**
   * Typing in an open configuration file: what it resolves to is read again at once (for the
   * next request), and the open reports are checked again once the typing pauses.
   */
  let configTyping: NodeJS.Timeout | undefined;
  const recheckAllSoon = (): void => {
    configs.clear();
    clearTimeout(configTyping);
    configTyping = setTimeout(recheckAll, CONFIG_TYPING_PAUSE_MS);
  };

  documents.onDidChangeContent(({ document }) => {
    const opened = justOpened.delete(document.uri);
    if (isConfigFileUri(document.uri)) {
      recheckAllSoon();
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
    else if (isMarkdown(document.languageId, document.uri)) {
      analyses.forget(document.uri);
      index.closed(document.uri);
    }
  });

  connection.onDidChangeConfiguration(
    guarded(
      connection,
      'workspace/didChangeConfiguration',
      (change) => {
        settings.changed(change.settings);
        recheckAll();
      },
      undefined,
    ),
  );

  connection.onDidChangeWatchedFiles(
    guarded(
      connection,
      'workspace/didChangeWatchedFiles',
      (change) => {
        if (change.changes.some((file) => isConfigFileUri(file.uri))) {
          recheckAll();
          return;
        }
        for (const file of change.changes) {
          index.fileChanged(file.uri, file.type === FileChangeType.Deleted);
        }
      },
      undefined,
    ),
  );

  // On the web the client reads the configuration files and hands them over.
  if (configFiles.handOver) {
    connection.onNotification(
      CONFIG_FILES_NOTIFICATION,
      guarded(
        connection,
        CONFIG_FILES_NOTIFICATION.method,
        (files: ConfigFilesParams) => {
          configFiles.handOver?.(files);
          recheckAll();
        },
        undefined,
      ),
    );
  }

  connection.onCodeLens(
    forPostmortem('textDocument/codeLens', [], (document, _params: CodeLensParams) =>
      document.settings.codeLens.enabled ? codeLenses(document) : [],
    ),
  );

  connection.languages.inlayHint.on(
    forPostmortem('textDocument/inlayHint', [], (document, hintParams: InlayHintParams) =>
      document.settings.inlayHints.enabled
        ? inlayHints(document, hintParams.range, document.settings.inlayHints.tables)
        : [],
    ),
  );

  connection.onHover(
    forPostmortem('textDocument/hover', null, (document, hoverParams: HoverParams) =>
      hover(document, hoverParams.position),
    ),
  );

  connection.onCodeAction(
    forPostmortem('textDocument/codeAction', [], (document, actionParams: CodeActionParams) =>
      codeActions(document, actionParams),
    ),
  );

  connection.onCompletion(
    forPostmortem('textDocument/completion', [], (document, completion: CompletionParams) =>
      completions(document, completion.position, new Date()),
    ),
  );

  if (documentStructure) {
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
  }

  connection.onExecuteCommand(
    request(
      'workspace/executeCommand',
      async (command: ExecuteCommandParams) => {
        if (command.command !== SHOW_METRICS_COMMAND) {
          throw new ResponseError(
            ErrorCodes.InvalidParams,
            `Unknown command \`${command.command}\``,
          );
        }
        const uri = command.arguments?.[0];
        const document = typeof uri === 'string' ? await analyses.get(uri) : undefined;
        const message = isAnalyzedPostmortem(document)
          ? breakdownText(metricsBreakdown(document.analysis.model))
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
    request(
      OUTLINE_REQUEST.method,
      async (request: OutlineParams): Promise<OutlineResult> =>
        outline(request.uri, await analyses.get(request.uri)),
      null,
    ),
  );

  connection.onRequest(
    PREVIEW_CONFIG_REQUEST,
    request(
      PREVIEW_CONFIG_REQUEST.method,
      async (request: PreviewConfigParams): Promise<PreviewConfigResult | null> =>
        previewConfig(await analyses.get(request.uri)),
      null,
    ),
  );

  connection.onRequest(
    METRICS_BREAKDOWN_REQUEST,
    guarded(
      connection,
      METRICS_BREAKDOWN_REQUEST.method,
      async (request: MetricsBreakdownParams): Promise<MetricsBreakdown | null> => {
        const document = await analyses.get(request.uri);
        return isAnalyzedPostmortem(document) ? metricsBreakdown(document.analysis.model) : null;
      },
      null,
    ),
  );

  connection.onRequest(
    NEW_TIMELINE_ENTRY_REQUEST,
    request(
      NEW_TIMELINE_ENTRY_REQUEST.method,
      async (request: NewTimelineEntryParams): Promise<NewTimelineEntryResult | null> => {
        const now = new Date(request.now);
        if (Number.isNaN(now.getTime())) {
          throw new ResponseError(
            ErrorCodes.InvalidParams,
            `Expected an ISO time, found \`${request.now}\``,
          );
        }
        const document = await analyses.get(request.uri);
        return isAnalyzedPostmortem(document) ? newTimelineEntry(document, now) : null;
      },
      null,
    ),
  );

  connection.onRequest(
    INCIDENTS_REQUEST,
    request(INCIDENTS_REQUEST.method, (): IncidentsResult => index.list(), {
      incidents: [],
      indexing: false,
    }),
  );

  connection.onRequest(
    CHECK_ALL_REQUEST,
    request(
      CHECK_ALL_REQUEST.method,
      (): Promise<CheckAllResult> => checkAll(index, pullDiagnostics),
      {
        reports: 0,
        withFindings: 0,
        findings: { error: 0, warning: 0, info: 0 },
        message: 'The post-mortems could not be checked. The error is in the server log.',
      },
    ),
  );

  if (pullDiagnostics) {
    connection.languages.diagnostics.on(
      request(
        'textDocument/diagnostic',
        async (pulled: DocumentDiagnosticParams): Promise<DocumentDiagnosticReport> => {
          const { uri } = pulled.textDocument;
          const document = await analyses.get(uri);
          // A report just closed: the disk's text, as the workspace diagnostics have it.
          const items = document
            ? documentDiagnostics(document)
            : (index.find(uri)?.diagnostics ?? []);
          return { kind: 'full', items };
        },
        { kind: 'full', items: [] },
      ),
    );
    connection.languages.diagnostics.onWorkspace(
      request(
        'workspace/diagnostic',
        (pulled: WorkspaceDiagnosticParams) =>
          workspaceDiagnostics(index, pulled.previousResultIds),
        { items: [] },
      ),
    );
  }

  /** The files whose changes the server is told of: configuration, ignore files, reports. */
  function watchedFiles(): string[] {
    const extensions = new Set(MARKDOWN_EXTENSIONS);
    for (const folder of workspaceFolders) {
      for (const extension of configs.extensionsFor(folder)) extensions.add(extension);
    }
    return [
      `**/${CONFIG_FILE_NAME}`,
      ...IGNORE_FILE_NAMES.map((name) => `**/${name}`),
      ...[...extensions].map((extension) => `**/*${extension}`),
    ];
  }

  connection.onRequest(
    TEMPLATE_REQUEST,
    request(
      TEMPLATE_REQUEST.method,
      (request: TemplateParams): Promise<TemplateResult> =>
        template(request, (uri) => configs.forResource(uri)),
      null,
    ),
  );

  return {
    capabilities: {
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
      codeActionProvider: { codeActionKinds: PROVIDED_CODE_ACTION_KINDS },
      codeLensProvider: { resolveProvider: false },
      inlayHintProvider: true,
      hoverProvider: true,
      completionProvider: { triggerCharacters: COMPLETION_TRIGGERS },
      ...(documentStructure ? { documentSymbolProvider: true, foldingRangeProvider: true } : {}),
      executeCommandProvider: { commands: [SHOW_METRICS_COMMAND] },
      ...(pullDiagnostics
        ? {
            diagnosticProvider: {
              identifier: 'postmortem',
              interFileDependencies: false,
              workspaceDiagnostics: true,
            },
          }
        : {}),
      workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
    },
    serverInfo: { name: 'postmortem-language-server' },
  };
}
