/**
 * `WorkspaceIndex`, `BackgroundQueue` and the workspace diagnostics on their own, over files
 * in memory: what the index keeps, when it reads, what it pushes, and what a pull answers.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Connection, PublishDiagnosticsParams } from 'vscode-languageserver';
import { analyze } from '../../../server/src/engine/analyze';
import { defaultConfig } from '../../../server/src/engine/config/defaults';
import type { WorkspaceFiles } from '../../../server/src/lsp/host';
import type { Analyzed } from '../../../server/src/lsp/session/analyzed';
import { PositionMapper } from '../../../server/src/lsp/session/positions';
import { coerceSettings } from '../../../server/src/lsp/session/settings';
import { BackgroundQueue, TIME_SLICE_MS } from '../../../server/src/lsp/workspace/background-queue';
import {
  checkAll,
  workspaceDiagnostics,
} from '../../../server/src/lsp/workspace/workspace-diagnostics';
import { WorkspaceIndex } from '../../../server/src/lsp/workspace/workspace-index';
import { sample, sampleWithoutLessons } from '../../helpers/server-session';

const FOLDER = '/work';

/** An index over `files` (path → text, or a reason it is not read), the folder `/work`. */
function indexOf(files: Map<string, string | { skipped: string }>, open: string[] = []) {
  const logged: string[] = [];
  const pushed: PublishDiagnosticsParams[] = [];
  let notified = 0;
  let reads = 0;
  let analysedChars = 0;
  const connection = {
    sendDiagnostics: (params: PublishDiagnosticsParams) => {
      pushed.push(params);
      return Promise.resolve();
    },
    sendNotification: () => {
      notified++;
      return Promise.resolve();
    },
    console: {
      info: (message: string) => logged.push(message),
      error: (message: string) => logged.push(message),
    },
  } as unknown as Connection;
  const workspaceFiles: WorkspaceFiles = {
    list: (folder) => [...files.keys()].filter((path) => path.startsWith(`${folder}/`)).sort(),
    includes: (folder, path) => path.startsWith(`${folder}/`) && path.endsWith('.md'),
    read: (path) => {
      reads++;
      const text = files.get(path);
      return text === undefined ? null : typeof text === 'string' ? { text } : text;
    },
  };
  const index = new WorkspaceIndex({
    connection,
    files: workspaceFiles,
    configFiles: {
      locate: (uri) => (uri.startsWith('file://') ? uri.slice('file://'.length) : null),
      uriOf: (path) => `file://${path}`,
      folderOf: (path) => path.slice(0, path.lastIndexOf('/')),
    },
    folders: () => [FOLDER],
    configure: () =>
      Promise.resolve({
        settings: coerceSettings(undefined),
        config: defaultConfig(),
        configFolder: null,
      }),
    extensionsFor: () => [],
    openLocations: () => open,
    editorBusy: () => false,
    analysedChars: (chars) => (analysedChars += chars),
  });
  return {
    index,
    logged,
    pushed,
    notifications: () => notified,
    reads: () => reads,
    analysedChars: () => analysedChars,
  };
}

/** What `DocumentAnalyses` tells the index of an open document's analysis. */
function analysedOpen(uri: string, text: string): Analyzed {
  const config = defaultConfig();
  const analysis = analyze(text, config);
  return {
    uri,
    version: 1,
    generation: 0,
    settings: coerceSettings(undefined),
    config,
    positions: new PositionMapper(analysis.model.lines, analysis.bomLength),
    analysis,
    failure: null,
    isPostmortem: true,
  };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

test('the index keeps the post-mortems found, says why a file is skipped, and tells once', async () => {
  const files = new Map<string, string | { skipped: string }>([
    ['/work/postmortems/a.md', sample],
    ['/work/postmortems/b.md', sampleWithoutLessons],
    ['/work/README.md', '# Project\n\nHow to build it.\n'],
    ['/work/postmortems/huge.md', { skipped: 'larger than 2 MB' }],
  ]);
  const { index, logged, notifications, analysedChars, reads } = indexOf(files);
  assert.equal(index.list().indexing, true, 'before the first reading, the index is being made');
  // A configuration change before the first reading reads nothing yet.
  index.rescan();
  await index.idle();
  assert.equal(reads(), 0);
  index.start();
  await index.idle();
  const { incidents, indexing } = index.list();
  assert.equal(indexing, false);
  assert.deepEqual(
    incidents.map((incident) => [incident.uri, incident.findings.warning]),
    [
      ['file:///work/postmortems/a.md', 0],
      ['file:///work/postmortems/b.md', 1],
    ],
  );
  assert.deepEqual(logged, ['Not indexed: /work/postmortems/huge.md: larger than 2 MB']);
  // The README is told apart without parsing; the collector hears of what was analysed.
  assert.equal(analysedChars(), sample.length + sampleWithoutLessons.length);
  // No tree is kept: only the summary and the diagnostics.
  const [entry] = index.closedReports();
  assert.deepEqual(Object.keys(entry!).sort(), [
    'diagnostics',
    'open',
    'resultId',
    'summary',
    'uri',
  ]);
  await sleep(400);
  assert.equal(notifications(), 1, 'one notification for the whole first reading');
});

test('an open document stands for its report until closed, and disk changes wait meanwhile', async () => {
  const files = new Map<string, string | { skipped: string }>([['/work/incidents/a.md', sample]]);
  const open: string[] = [];
  const { index, reads } = indexOf(files, open);
  index.start();
  await index.idle();
  const uri = 'file:///work/incidents/a.md';
  open.push('/work/incidents/a.md');
  index.analysed(analysedOpen(uri, sampleWithoutLessons));
  assert.equal(index.find(uri)?.open, true);
  assert.equal(index.find(uri)?.diagnostics, null, 'an open report is published as a document');
  assert.equal(index.list().incidents[0]!.findings.warning, 1);
  const before = reads();
  index.fileChanged(uri, false);
  await index.idle();
  assert.equal(reads(), before, 'the editor text wins: the disk is not read');
  assert.equal(index.list().incidents[0]!.findings.warning, 1);
  open.pop();
  index.closed(uri);
  await index.idle();
  assert.equal(index.find(uri)?.open, false);
  assert.equal(index.list().incidents[0]!.findings.warning, 0);
});

test('a folder deleted takes its reports; files outside the folder or not Markdown are not read', async () => {
  const files = new Map<string, string | { skipped: string }>([
    ['/work/postmortems/2024/a.md', sample],
    ['/work/postmortems/2024/b.md', sample],
    ['/work/postmortems/c.md', sample],
  ]);
  const { index, reads } = indexOf(files);
  index.start();
  await index.idle();
  assert.equal(index.list().incidents.length, 3);
  index.fileChanged('file:///work/postmortems/2024', true);
  assert.deepEqual(
    index.list().incidents.map((incident) => incident.uri),
    ['file:///work/postmortems/c.md'],
  );
  const before = reads();
  index.fileChanged('file:///elsewhere/postmortem.md', false);
  index.fileChanged('file:///work/postmortems/notes.txt', false);
  await index.idle();
  assert.equal(reads(), before);
});

test('after Check All without pull, closed reports are pushed and kept current', async () => {
  const files = new Map<string, string | { skipped: string }>([
    ['/work/postmortems/a.md', sampleWithoutLessons],
    ['/work/postmortems/b.md', sample],
  ]);
  const { index, pushed } = indexOf(files);
  index.start();
  await index.idle();
  assert.equal(pushed.length, 0, 'nothing is pushed before Check All');
  const result = await checkAll(index, false);
  assert.deepEqual(result, {
    reports: 2,
    withFindings: 1,
    findings: { error: 0, warning: 1, info: 0 },
    message: 'Checked 2 post-mortems: 1 problem (0 errors, 1 warning, 0 info) in 1 of them.',
  });
  assert.deepEqual(
    pushed.map((params) => [params.uri, params.diagnostics.length]),
    [
      ['file:///work/postmortems/a.md', 1],
      ['file:///work/postmortems/b.md', 0],
    ],
  );
  files.delete('/work/postmortems/a.md');
  index.fileChanged('file:///work/postmortems/a.md', true);
  assert.deepEqual(pushed.at(-1), { uri: 'file:///work/postmortems/a.md', diagnostics: [] });
});

test('Check All with pull pushes nothing, and says when there is nothing to check', async () => {
  const { index, pushed } = indexOf(new Map([['/work/README.md', '# Project\n']]));
  index.start();
  const result = await checkAll(index, true);
  assert.equal(result.message, 'No post-mortems in the workspace folders.');
  assert.equal(pushed.length, 0);
});

test('workspace/diagnostic: full reports, unchanged ones by result id, and gone ones cleared', async () => {
  const files = new Map<string, string | { skipped: string }>([
    ['/work/postmortems/a.md', sampleWithoutLessons],
    ['/work/postmortems/b.md', sample],
  ]);
  const { index } = indexOf(files);
  index.start();
  await index.idle();
  const first = workspaceDiagnostics(index, []);
  assert.deepEqual(
    first.items.map((item) => [item.uri, item.kind]),
    [
      ['file:///work/postmortems/a.md', 'full'],
      ['file:///work/postmortems/b.md', 'full'],
    ],
  );
  const [a] = first.items;
  assert.ok(a?.kind === 'full');
  assert.deepEqual(
    a.items.map((diagnostic) => diagnostic.code),
    ['required-sections'],
  );
  const previous = first.items.map((item) => ({ uri: item.uri, value: item.resultId! }));
  files.delete('/work/postmortems/b.md');
  index.fileChanged('file:///work/postmortems/b.md', true);
  const second = workspaceDiagnostics(index, previous);
  assert.deepEqual(second.items, [
    {
      kind: 'unchanged',
      uri: 'file:///work/postmortems/a.md',
      resultId: a.resultId,
      version: null,
    },
    { kind: 'full', uri: 'file:///work/postmortems/b.md', version: null, items: [] },
  ]);
});

test('BackgroundQueue: runs each item once, goes on past a failure, lets timers run between slices', async () => {
  const done: string[] = [];
  const failures: string[] = [];
  let drained = 0;
  let timerRan = false;
  const queue = new BackgroundQueue(
    (item) => {
      if (item === 'bad') throw new Error('unreadable');
      const start = performance.now();
      // Each item outlasts a slice: the queue yields after every one.
      while (performance.now() - start < TIME_SLICE_MS) {
        // busy
      }
      done.push(item);
      if (item === 'a') setTimeout(() => (timerRan = true), 0);
      if (item === 'c') assert.ok(timerRan, 'a timer set meanwhile ran before the last item');
    },
    (item, error) => failures.push(`${item}: ${(error as Error).message}`),
    () => drained++,
  );
  queue.add(['a', 'bad', 'b', 'a']);
  queue.add(['c', 'b']);
  assert.equal(queue.busy, true);
  await queue.idle();
  assert.deepEqual(done, ['a', 'b', 'c']);
  assert.deepEqual(failures, ['bad: unreadable']);
  assert.equal(drained, 1);
  assert.equal(queue.busy, false);
});

test('BackgroundQueue: holds while other work comes first, and goes on once it is done', async () => {
  let busy = true;
  const done: string[] = [];
  const queue = new BackgroundQueue(
    (item) => {
      done.push(item);
    },
    () => undefined,
    () => undefined,
    () => busy,
  );
  queue.add(['a', 'b']);
  await sleep(200);
  assert.deepEqual(done, [], 'nothing runs while the editor is busy');
  busy = false;
  await queue.idle();
  assert.deepEqual(done, ['a', 'b']);
});
