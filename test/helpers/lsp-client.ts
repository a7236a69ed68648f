/**
 * A minimal LSP client for the protocol tests: spawns `node server/out/server.js --stdio` (or
 * talks to the web server in a browser's worker, `test/web`), answers the server's requests
 * (settings, registrations) and lets tests wait for notifications instead of sleeping.
 */
import { spawn } from 'node:child_process';
import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import { join } from 'node:path';
import { buildBundles } from './build';
import { pathToFileURL } from 'node:url';
import type {
  Diagnostic,
  InitializeResult,
  MessageConnection,
  MessageReader,
  MessageWriter,
  PublishDiagnosticsParams,
  ShowMessageParams,
  TextDocumentContentChangeEvent,
  TextEdit,
} from 'vscode-languageserver-protocol/node';
import {
  ConfigurationRequest,
  createMessageConnection,
  DidChangeTextDocumentNotification,
  DidOpenTextDocumentNotification,
  ExitNotification,
  InitializedNotification,
  InitializeRequest,
  PublishDiagnosticsNotification,
  RegistrationRequest,
  ShowMessageNotification,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
} from 'vscode-languageserver-protocol/node';
import type { InitializationOptions, OutlineChangedParams } from '../../server/src/protocol';
import {
  INCIDENTS_CHANGED_NOTIFICATION,
  OUTLINE_CHANGED_NOTIFICATION,
} from '../../server/src/protocol';
import { repoRoot } from './paths';

export { repoRoot };

/** Builds the server bundle the tests run (`npm test` builds too; this keeps files standalone). */
export function buildServer(): void {
  buildBundles('server');
}

/** Waits for values pushed later, or already pushed, that satisfy a predicate. */
class Inbox<T> {
  private readonly received: T[] = [];
  private readonly waiters: { accept: (value: T) => boolean; resolve: (value: T) => void }[] = [];

  push(value: T): void {
    this.received.push(value);
    for (const waiter of [...this.waiters]) {
      if (waiter.accept(value)) {
        this.waiters.splice(this.waiters.indexOf(waiter), 1);
        waiter.resolve(value);
      }
    }
  }

  /** The first value (already received or to come) that `accept` takes; it is consumed. */
  next(accept: (value: T) => boolean): Promise<T> {
    const index = this.received.findIndex(accept);
    if (index >= 0) return Promise.resolve(this.received.splice(index, 1)[0]!);
    return new Promise((resolve) =>
      this.waiters.push({
        accept,
        resolve: (value) => {
          this.received.splice(this.received.indexOf(value), 1);
          resolve(value);
        },
      }),
    );
  }
}

export interface ClientOptions {
  /** Workspace folder paths. */
  folders?: string[];
  /** Workspace folders named by URI, after those of `folders`. */
  folderUris?: string[];
  /** What `workspace/configuration` answers for the `postmortem` section. */
  settings?: unknown;
  /** Whether the client claims `workspace.configuration` (pull) support. */
  pullConfiguration?: boolean;
  /** `initializationOptions` of `initialize`. */
  initializationOptions?: InitializationOptions;
  /** Whether the client claims pull diagnostics (`textDocument.diagnostic`), as VS Code does. */
  pullDiagnostics?: boolean;
  /** Node options the server process is started with (none, as any editor starts it). */
  nodeOptions?: string[];
}

/** The client side of a connection to a running server, wherever the server runs. */
export class ProtocolClient {
  readonly connection: MessageConnection;
  settings: unknown;
  initializeResult!: InitializeResult;
  private readonly diagnostics = new Inbox<PublishDiagnosticsParams>();
  private readonly messages = new Inbox<ShowMessageParams>();
  private readonly outlineChanges = new Inbox<OutlineChangedParams>();
  /** Every `publishDiagnostics` the server sent, in order. */
  readonly published: PublishDiagnosticsParams[] = [];
  /** How many times the server asked to pull diagnostics again (`workspace/diagnostic/refresh`). */
  diagnosticRefreshes = 0;
  /** How many `incidentsChanged` notifications the server sent. */
  incidentsChangedCount = 0;
  private readonly logs: string[] = [];

  constructor(reader: MessageReader, writer: MessageWriter, options: ClientOptions) {
    this.settings = options.settings ?? {};
    this.connection = createMessageConnection(reader, writer);
    this.connection.onNotification(PublishDiagnosticsNotification.type, (params) => {
      this.published.push(params);
      this.diagnostics.push(params);
    });
    this.connection.onNotification(ShowMessageNotification.type, (params) =>
      this.messages.push(params),
    );
    this.connection.onNotification(
      OUTLINE_CHANGED_NOTIFICATION.method,
      (params: OutlineChangedParams) => this.outlineChanges.push(params),
    );
    this.connection.onNotification(INCIDENTS_CHANGED_NOTIFICATION.method, () => {
      this.incidentsChangedCount++;
    });
    this.connection.onNotification('window/logMessage', (params: { message: string }) => {
      this.logs.push(params.message);
    });
    this.connection.onRequest(ConfigurationRequest.type, (params) =>
      params.items.map(() => this.settings),
    );
    this.connection.onRequest(RegistrationRequest.type, () => undefined);
    this.connection.onRequest('workspace/codeLens/refresh', () => null);
    this.connection.onRequest('workspace/inlayHint/refresh', () => null);
    this.connection.onRequest('workspace/diagnostic/refresh', () => {
      this.diagnosticRefreshes++;
      return null;
    });
    this.connection.listen();
  }

  /** Completes `initialize` and `initialized`. */
  async initialize(options: ClientOptions = {}): Promise<void> {
    const folders = [...(options.folders ?? []).map(pathUri), ...(options.folderUris ?? [])];
    this.initializeResult = await this.connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri: null,
      ...(options.initializationOptions
        ? { initializationOptions: options.initializationOptions }
        : {}),
      workspaceFolders: folders.map((uri) => ({ uri, name: uri })),
      capabilities: {
        workspace: {
          configuration: options.pullConfiguration ?? true,
          didChangeConfiguration: { dynamicRegistration: true },
          didChangeWatchedFiles: { dynamicRegistration: true },
          workspaceFolders: true,
          ...(options.pullDiagnostics ? { diagnostics: { refreshSupport: true } } : {}),
        },
        textDocument: {
          publishDiagnostics: { versionSupport: true },
          ...(options.pullDiagnostics ? { diagnostic: { dynamicRegistration: false } } : {}),
        },
      },
    });
    await this.connection.sendNotification(InitializedNotification.type, {});
  }

  /** Log lines the server wrote to its console. */
  get log(): readonly string[] {
    return this.logs;
  }

  async open(uri: string, text: string, languageId = 'markdown', version = 1): Promise<void> {
    await this.connection.sendNotification(DidOpenTextDocumentNotification.type, {
      textDocument: { uri, languageId, version, text },
    });
  }

  async change(
    uri: string,
    version: number,
    contentChanges: TextDocumentContentChangeEvent[],
  ): Promise<void> {
    await this.connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri, version },
      contentChanges,
    });
  }

  /** Opens a document at version 1 and waits for the diagnostics published for it. */
  async openForDiagnostics(uri: string, text: string): Promise<Diagnostic[]> {
    const published = this.diagnosticsFor(uri, 1);
    await this.open(uri, text);
    return (await published).diagnostics;
  }

  /** The next diagnostics published for `uri` (at `version`, when given). */
  diagnosticsFor(uri: string, version?: number): Promise<PublishDiagnosticsParams> {
    return this.diagnostics.next(
      (params) => params.uri === uri && (version === undefined || params.version === version),
    );
  }

  nextMessage(): Promise<ShowMessageParams> {
    return this.messages.next(() => true);
  }

  outlineChanged(uri: string): Promise<OutlineChangedParams> {
    return this.outlineChanges.next((params) => params.uri === uri);
  }

  /** Sends a request by method name, or by one of the protocol's typed messages. */
  request<R>(type: string | { method: string }, params: unknown): Promise<R> {
    const method = typeof type === 'string' ? type : type.method;
    return this.connection.sendRequest(method, params) as Promise<R>;
  }
}

/** A server process (`node server/out/server.js --stdio`) and the client side of its connection. */
export class TestClient extends ProtocolClient {
  readonly stderr: string[] = [];

  private constructor(
    readonly process: ChildProcessWithoutNullStreams,
    options: ClientOptions,
  ) {
    super(new StreamMessageReader(process.stdout), new StreamMessageWriter(process.stdin), options);
    process.stderr.on('data', (chunk: Buffer) => this.stderr.push(chunk.toString()));
  }

  /** Starts the server and completes `initialize`. */
  static async start(options: ClientOptions = {}): Promise<TestClient> {
    const client = TestClient.spawn(options);
    await client.initialize(options);
    return client;
  }

  /** Starts the server without initializing it (`initialize` does). */
  static spawn(options: ClientOptions = {}): TestClient {
    const script = join(repoRoot, 'server/out/server.js');
    const child = spawn(process.execPath, [...(options.nodeOptions ?? []), script, '--stdio'], {
      cwd: repoRoot,
    });
    return new TestClient(child, options);
  }

  /** Shuts the server down and waits for its process to end. */
  async stop(): Promise<number | null> {
    const exited = new Promise<number | null>((resolve) => this.process.on('exit', resolve));
    await this.connection.sendRequest(ShutdownRequest.type);
    await this.connection.sendNotification(ExitNotification.type);
    const code = await exited;
    this.connection.dispose();
    return code;
  }
}

/** The `file:` URI of a path. */
export function pathUri(path: string): string {
  return pathToFileURL(path).href;
}

/** Offset of an LSP position in a text (lines end at `\r\n`, `\n` or `\r`). */
function offsetAt(text: string, line: number, character: number): number {
  let offset = 0;
  for (let current = 0; current < line; current++) {
    const match = /\r\n|\n|\r/g;
    match.lastIndex = offset;
    const found = match.exec(text);
    if (!found) return text.length;
    offset = found.index + found[0].length;
  }
  return offset + character;
}

/** Applies LSP text edits (non-overlapping, ranges in the original text) to a text. */
export function applyTextEdits(text: string, edits: readonly TextEdit[]): string {
  const resolved = edits.map((edit, index) => ({
    start: offsetAt(text, edit.range.start.line, edit.range.start.character),
    end: offsetAt(text, edit.range.end.line, edit.range.end.character),
    newText: edit.newText,
    index,
  }));
  // From the end, so earlier offsets stay valid; inserts at one place keep their array order.
  resolved.sort((a, b) => b.start - a.start || b.index - a.index);
  let result = text;
  for (const edit of resolved) {
    result = result.slice(0, edit.start) + edit.newText + result.slice(edit.end);
  }
  return result;
}
