/**
 * What the stdio tests of the language server share: the documents they open, the expected
 * Lessons Learned finding, and a session (a scratch folder and a running `TestClient`) started
 * before a suite's tests and stopped after them, with the helpers that talk to it.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before } from 'node:test';
import type {
  CodeAction,
  Diagnostic,
  Range,
  WorkspaceEdit,
} from 'vscode-languageserver-protocol/node';
import { CodeActionRequest, DiagnosticSeverity } from 'vscode-languageserver-protocol/node';
import { ruleUrl } from '../../server/src/engine/rules/rule';
import type { InitializationOptions } from '../../server/src/protocol';
import { applyTextEdits, buildServer, pathUri, repoRoot, TestClient } from './lsp-client';

export const fixtures = join(repoRoot, 'test', 'fixtures', 'server');
export const sample = readFileSync(join(repoRoot, 'examples', 'sample-postmortem.md'), 'utf8');
export const sampleWithoutLessons = sample.slice(0, sample.indexOf('## 7. Lessons Learned'));
export const listTimeline = readFileSync(join(fixtures, 'list-timeline.md'), 'utf8');

export function range(
  startLine: number,
  startChar: number,
  endLine: number,
  endChar: number,
): Range {
  return {
    start: { line: startLine, character: startChar },
    end: { line: endLine, character: endChar },
  };
}

export function editedText(
  text: string,
  edit: WorkspaceEdit | undefined,
  documentUri: string,
): string {
  return applyTextEdits(text, edit?.changes?.[documentUri] ?? []);
}

/** What the sample without its Lessons Learned section is published with. */
export const requiredLessons = (
  documentUri: string,
  version: number,
): { uri: string; version: number; diagnostics: Diagnostic[] } => ({
  uri: documentUri,
  version,
  diagnostics: [
    {
      range: range(31, 0, 31, 27),
      severity: DiagnosticSeverity.Warning,
      code: 'required-sections',
      codeDescription: { href: ruleUrl('required-sections') },
      source: 'postmortem',
      message: 'Missing section `Lessons Learned`; expected after `6. Preventative Measures`',
    },
  ],
});

export const lessonsScaffold =
  '## 7. Lessons Learned\n\n- **What Worked Well:** \n- **What Needs Improvement:** \n';

export interface SessionOptions {
  /** The prefix of the scratch folder's name in the system's temporary folder. */
  prefix?: string;
  /** Runs on the scratch folder before the server starts. */
  prepare?: (folder: string) => void;
  /** Whether the client claims `workspace.configuration` (pull) support. */
  pullConfiguration?: boolean;
  /** Whether stopping the server asserts that its process exited with 0. */
  assertCleanExit?: boolean;
  /** `initializationOptions` of `initialize`. */
  initializationOptions?: InitializationOptions;
  /** Whether the client claims pull diagnostics. */
  pullDiagnostics?: boolean;
}

export interface ServerSession {
  /** An empty folder of its own, so no configuration file above a test document applies. */
  readonly scratch: string;
  /** The client, usable once the suite's `before` hook has started it. */
  readonly client: TestClient;
  /** A fresh `file:` URI in the scratch folder (the file need not exist: its text is sent). */
  uri(name: string): string;
  /** Opens a document and waits for its first diagnostics. */
  open(name: string, text: string): Promise<{ uri: string; diagnostics: Diagnostic[] }>;
  /** Code actions as an editor asks for them while the cursor moves (`Automatic`), or for `only`. */
  codeActions(
    documentUri: string,
    at: Range,
    diagnostics: Diagnostic[],
    only?: string[],
  ): Promise<CodeAction[]>;
  /** Replaces the whole text (as an incremental change of everything) and waits for diagnostics. */
  replaceText(
    documentUri: string,
    version: number,
    oldText: string,
    newText: string,
  ): Promise<Diagnostic[]>;
}

/**
 * Registers, in the calling suite, `before` (build the server, start a client on a new scratch
 * folder) and `after` (stop it, remove the folder) hooks; the session's helpers use that client.
 */
export function serverSession(options: SessionOptions = {}): ServerSession {
  const scratch = mkdtempSync(join(tmpdir(), options.prefix ?? 'postmortem-server-'));
  let started: TestClient | undefined;
  let counter = 0;
  const current = (): TestClient => {
    assert.ok(started, 'the session starts its client in a before hook');
    return started;
  };
  /** Stands for the client the `before` hook starts: usable once the suite's tests run. */
  const client = new Proxy({} as TestClient, {
    get: (_, key) => Reflect.get(current(), key, current()) as unknown,
    set: (_, key, value) => Reflect.set(current(), key, value, current()),
  });

  before(async () => {
    buildServer();
    options.prepare?.(scratch);
    started = await TestClient.start({
      folders: [scratch],
      pullConfiguration: options.pullConfiguration,
      initializationOptions: options.initializationOptions,
      pullDiagnostics: options.pullDiagnostics,
    });
  });
  after(async () => {
    const code = await current().stop();
    rmSync(scratch, { recursive: true, force: true });
    if (options.assertCleanExit ?? true) assert.equal(code, 0);
  });

  function uri(name: string): string {
    counter++;
    return pathUri(join(scratch, `${counter}-${name}`));
  }

  return {
    scratch,
    client,
    uri,
    async open(name, text) {
      const documentUri = uri(name);
      return { uri: documentUri, diagnostics: await client.openForDiagnostics(documentUri, text) };
    },
    async codeActions(documentUri, at, diagnostics, only) {
      return (await client.connection.sendRequest(CodeActionRequest.type, {
        textDocument: { uri: documentUri },
        range: at,
        context: only ? { diagnostics, only } : { diagnostics, triggerKind: 2 },
      })) as CodeAction[];
    },
    async replaceText(documentUri, version, oldText, newText) {
      const lines = oldText.split('\n');
      const published = client.diagnosticsFor(documentUri, version);
      await client.change(documentUri, version, [
        { range: range(0, 0, lines.length - 1, lines[lines.length - 1]!.length), text: newText },
      ]);
      return (await published).diagnostics;
    },
  };
}
