/**
 * The language server over stdio: the workspace index (`postmortem/incidents`) of a folder of
 * reports on disk, kept current from `workspace/didChangeWatchedFiles` and open documents;
 * workspace diagnostics for a client that pulls them, Check All for one that does not.
 */
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import {
  DidChangeWatchedFilesNotification,
  DidCloseTextDocumentNotification,
  FileChangeType,
} from 'vscode-languageserver-protocol/node';
import type {
  DocumentDiagnosticReport,
  WorkspaceDiagnosticReport,
} from 'vscode-languageserver-protocol/node';
import type { CheckAllResult, IncidentsResult } from '../../../server/src/protocol';
import { CHECK_ALL_REQUEST, INCIDENTS_REQUEST } from '../../../server/src/protocol';
import type { ProtocolClient } from '../../helpers/lsp-client';
import { pathUri } from '../../helpers/lsp-client';
import {
  fixtures,
  sample,
  sampleWithoutLessons,
  serverSession,
} from '../../helpers/server-session';

/** The reports of the workspace folder the tests share (written before the server starts). */
export function writeWorkspace(folder: string): void {
  mkdirSync(join(folder, 'postmortems'), { recursive: true });
  writeFileSync(join(folder, 'postmortems', 'login.md'), sample);
  writeFileSync(join(folder, 'postmortems', 'no-lessons.md'), sampleWithoutLessons);
  // Not post-mortems, or not found: a README, an ignored folder, a binary and a huge file.
  writeFileSync(join(folder, 'README.md'), readFileSync(join(fixtures, 'readme.md')));
  writeFileSync(join(folder, '.gitignore'), 'drafts/\n');
  mkdirSync(join(folder, 'drafts', 'postmortems'), { recursive: true });
  writeFileSync(join(folder, 'drafts', 'postmortems', 'draft.md'), sampleWithoutLessons);
  writeFileSync(join(folder, 'postmortems', 'binary.md'), `${sample}\0\0\0`);
  writeFileSync(join(folder, 'postmortems', 'huge.md'), sample.repeat(2500));
}

/** The index once it is complete and `accept` holds (the server reads in the background). */
export async function incidentsWhen(
  client: ProtocolClient,
  accept: (result: IncidentsResult) => boolean = () => true,
): Promise<IncidentsResult> {
  let result: IncidentsResult | undefined;
  for (let attempt = 0; attempt < 400; attempt++) {
    result = await client.request<IncidentsResult>(INCIDENTS_REQUEST, null);
    if (!result.indexing && accept(result)) return result;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  assert.fail(`the index never got there: ${JSON.stringify(result)}`);
}

/** Waits (bounded) for `postmortem/incidentsChanged` after the `told`-th one. */
async function toldAfter(client: ProtocolClient, told: number): Promise<void> {
  for (let wait = 0; wait < 200 && client.incidentsChangedCount === told; wait++) {
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  assert.ok(client.incidentsChangedCount > told, 'postmortem/incidentsChanged is sent');
}

const names = (result: IncidentsResult): string[] =>
  result.incidents.map((incident) => incident.uri.slice(incident.uri.lastIndexOf('/') + 1));

describe('workspace index over stdio', () => {
  const { client, scratch } = serverSession({
    prefix: 'postmortem-index-',
    prepare: writeWorkspace,
  });
  const reports = () => join(scratch, 'postmortems');
  const watched = (path: string, type: FileChangeType) =>
    client.connection.sendNotification(DidChangeWatchedFilesNotification.type, {
      changes: [{ uri: pathUri(path), type }],
    });

  test('postmortem/incidents: the post-mortems of the workspace folder, with their summaries', async () => {
    const result = await incidentsWhen(client);
    assert.deepEqual(names(result), ['login.md', 'no-lessons.md']);
    const [login, noLessons] = result.incidents;
    assert.equal(login!.uri, pathUri(join(reports(), 'login.md')));
    assert.equal(login!.title, 'Post-Mortem Report: Login System Outage');
    assert.deepEqual(login!.metrics, {
      timeToDetect: 0,
      timeToAcknowledge: 5,
      timeToMitigate: 20,
      timeToResolve: 40,
    });
    assert.deepEqual(login!.findings, { error: 0, warning: 0, info: 0 });
    assert.deepEqual(noLessons!.findings, { error: 0, warning: 1, info: 0 });
    // Files that are skipped say why, in the server's log.
    const log = client.log.join('\n');
    assert.match(log, /Not indexed: .*huge\.md: larger than 2 MB/);
    assert.match(log, /Not indexed: .*binary\.md: it holds NUL characters/);
    await toldAfter(client, 0);
  });

  test('workspace/didChangeWatchedFiles: files created, changed and deleted on disk', async () => {
    await incidentsWhen(client);
    // Every change of the first reading told: what follows is news of these changes.
    await new Promise((resolve) => setTimeout(resolve, 400));
    const told = client.incidentsChangedCount;
    const created = join(reports(), 'created.md');
    writeFileSync(created, sample.replace('Login System Outage', 'Search Outage'));
    await watched(created, FileChangeType.Created);
    const afterCreate = await incidentsWhen(client, (result) =>
      names(result).includes('created.md'),
    );
    assert.equal(
      afterCreate.incidents.find((incident) => incident.uri.endsWith('created.md'))!.title,
      'Post-Mortem Report: Search Outage',
    );
    await toldAfter(client, told);

    const changed = join(reports(), 'no-lessons.md');
    writeFileSync(changed, sample);
    await watched(changed, FileChangeType.Changed);
    await incidentsWhen(
      client,
      (result) =>
        result.incidents.find((incident) => incident.uri.endsWith('no-lessons.md'))?.findings
          .warning === 0,
    );

    rmSync(created);
    await watched(created, FileChangeType.Deleted);
    await incidentsWhen(client, (result) => !names(result).includes('created.md'));
  });

  test('an open document: its unsaved text wins over the disk, until it is closed', async () => {
    const path = join(reports(), 'login.md');
    const uri = pathUri(path);
    const edited = sample.replace('Login System Outage', 'Login Outage (unsaved)');
    await client.openForDiagnostics(uri, edited);
    await incidentsWhen(client, (result) =>
      result.incidents.some(
        (incident) => incident.title === 'Post-Mortem Report: Login Outage (unsaved)',
      ),
    );
    // Changed on disk while open: the editor's text still stands for it.
    writeFileSync(path, sample.replace('Login System Outage', 'Login Outage (on disk)'));
    await watched(path, FileChangeType.Changed);
    await new Promise((resolve) => setTimeout(resolve, 100));
    const stillOpen = await incidentsWhen(client);
    assert.ok(stillOpen.incidents.some((incident) => incident.title?.endsWith('(unsaved)')));
    await client.connection.sendNotification(DidCloseTextDocumentNotification.type, {
      textDocument: { uri },
    });
    await incidentsWhen(client, (result) =>
      result.incidents.some(
        (incident) => incident.title === 'Post-Mortem Report: Login Outage (on disk)',
      ),
    );
  });

  test('a folder ignored in .gitignore, and .gitignore changing', async () => {
    const gitignore = join(scratch, '.gitignore');
    writeFileSync(gitignore, '');
    await watched(gitignore, FileChangeType.Changed);
    await incidentsWhen(client, (result) => names(result).includes('draft.md'));
    writeFileSync(gitignore, 'drafts/\n');
    await watched(gitignore, FileChangeType.Changed);
    await incidentsWhen(client, (result) => !names(result).includes('draft.md'));
  });
});

describe('Check All over stdio, for a client that does not pull diagnostics', () => {
  const { client, scratch } = serverSession({
    prefix: 'postmortem-check-all-',
    prepare: writeWorkspace,
  });

  test('postmortem/checkAll: publishes the findings of every report not open', async () => {
    assert.equal(client.initializeResult.capabilities.diagnosticProvider, undefined);
    await incidentsWhen(client);
    const noLessons = pathUri(join(scratch, 'postmortems', 'no-lessons.md'));
    assert.ok(
      !client.published.some((params) => params.uri === noLessons),
      'pushed only when asked',
    );
    const published = client.diagnosticsFor(noLessons);
    const result = await client.request<CheckAllResult>(CHECK_ALL_REQUEST, null);
    assert.deepEqual(result, {
      reports: 2,
      withFindings: 1,
      findings: { error: 0, warning: 1, info: 0 },
      message: 'Checked 2 post-mortems: 1 problem (0 errors, 1 warning, 0 info) in 1 of them.',
    });
    assert.deepEqual(
      (await published).diagnostics.map((diagnostic) => diagnostic.code),
      ['required-sections'],
    );
    const pushed = new Set(client.published.map((params) => params.uri));
    assert.ok(!pushed.has(pathUri(join(scratch, 'README.md'))));
    assert.ok(!pushed.has(pathUri(join(scratch, 'drafts', 'postmortems', 'draft.md'))));
  });
});

describe('workspace diagnostics over stdio, for a client that pulls diagnostics', () => {
  const { client, scratch } = serverSession({
    prefix: 'postmortem-pull-',
    prepare: writeWorkspace,
    pullDiagnostics: true,
  });
  const pullWorkspace = (previousResultIds: { uri: string; value: string }[] = []) =>
    client.request<WorkspaceDiagnosticReport>('workspace/diagnostic', { previousResultIds });

  test('initialize: announces pull diagnostics, for the workspace too', () => {
    assert.deepEqual(client.initializeResult.capabilities.diagnosticProvider, {
      identifier: 'postmortem',
      interFileDependencies: false,
      workspaceDiagnostics: true,
    });
  });

  test('workspace/diagnostic: the findings of reports not open; none of other files', async () => {
    await incidentsWhen(client);
    const report = await pullWorkspace();
    const byName = new Map(
      report.items.map((item) => [item.uri.slice(item.uri.lastIndexOf('/') + 1), item]),
    );
    assert.deepEqual([...byName.keys()].sort(), ['login.md', 'no-lessons.md']);
    const noLessons = byName.get('no-lessons.md');
    assert.ok(noLessons?.kind === 'full');
    assert.deepEqual(
      noLessons.items.map((diagnostic) => [diagnostic.code, diagnostic.range.start.line]),
      [['required-sections', 31]],
    );
    const again = await pullWorkspace(
      report.items.map((item) => ({ uri: item.uri, value: item.resultId! })),
    );
    assert.deepEqual(
      again.items.map((item) => item.kind),
      ['unchanged', 'unchanged'],
    );
  });

  test('an open report is pulled as a document, never pushed, and left out of the workspace', async () => {
    await incidentsWhen(client);
    const uri = pathUri(join(scratch, 'postmortems', 'login.md'));
    const outline = client.outlineChanged(uri);
    await client.open(uri, sampleWithoutLessons);
    const pulled = await client.request<DocumentDiagnosticReport>('textDocument/diagnostic', {
      textDocument: { uri },
    });
    assert.ok(pulled.kind === 'full');
    assert.deepEqual(
      pulled.items.map((diagnostic) => diagnostic.code),
      ['required-sections'],
    );
    // Checked after the typing pause as for a push client, but its diagnostics are not sent:
    // the client is asked to pull again.
    await outline;
    assert.deepEqual(client.published, []);
    for (let wait = 0; wait < 100 && client.diagnosticRefreshes === 0; wait++) {
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    assert.ok(client.diagnosticRefreshes > 0, 'workspace/diagnostic/refresh is asked');
    const report = await pullWorkspace();
    assert.ok(!report.items.some((item) => item.uri === uri));
    const result = await client.request<CheckAllResult>(CHECK_ALL_REQUEST, null);
    assert.equal(result.findings.warning, 2);
    assert.deepEqual(client.published, [], 'Check All publishes nothing to a pulling client');
  });
});
