// The language server under load, over stdio: resident memory with many open reports, and how
// long the next `textDocument/codeLens` takes after a one-character edit.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { setTimeout } from 'node:timers/promises';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  createMessageConnection,
  StreamMessageReader,
  StreamMessageWriter,
} from 'vscode-languageserver-protocol/node';
import { SERVER_NODE_FLAGS } from '../server/src/protocol.ts';
import { median } from './measure.mjs';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** Starts `server/out/server.js --stdio` and initializes it; resolves diagnostics by URI. */
export async function startServer(folder) {
  // With the Node flags the VS Code client starts it with.
  const script = join(repoRoot, 'server', 'out', 'server.js');
  const child = spawn(process.execPath, [...SERVER_NODE_FLAGS, script, '--stdio'], {
    cwd: repoRoot,
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const connection = createMessageConnection(
    new StreamMessageReader(child.stdout),
    new StreamMessageWriter(child.stdin),
  );
  const waiting = new Map();
  connection.onNotification('textDocument/publishDiagnostics', (params) => {
    const key = `${params.uri} ${params.version}`;
    waiting.get(key)?.(params);
    waiting.delete(key);
  });
  connection.onRequest('client/registerCapability', () => null);
  connection.onRequest('workspace/configuration', (params) => params.items.map(() => ({})));
  connection.onRequest('workspace/codeLens/refresh', () => null);
  connection.onRequest('workspace/inlayHint/refresh', () => null);
  connection.listen();
  const exited = new Promise((resolve) => child.on('exit', resolve));
  await connection.sendRequest('initialize', {
    processId: process.pid,
    rootUri: null,
    workspaceFolders: [{ uri: pathToFileURL(folder).href, name: 'bench' }],
    capabilities: { textDocument: { publishDiagnostics: { versionSupport: true } } },
  });
  await connection.sendNotification('initialized', {});
  return {
    pid: child.pid,
    connection,
    /** Diagnostics of `uri` at `version`: ask before they can arrive. */
    diagnostics: (uri, version) =>
      new Promise((resolve) => waiting.set(`${uri} ${version}`, resolve)),
    async stop() {
      await connection.sendRequest('shutdown');
      await connection.sendNotification('exit');
      await exited;
      connection.dispose();
    },
  };
}

/** Resident and peak memory (MB) of a process, from `/proc`. */
function memoryOf(pid) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const field = (name) => Number(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(status)[1]) / 1024;
  return { rssMb: field('VmRSS'), peakMb: field('VmHWM') };
}

/** How long the server is left idle before its settled memory is read. */
const SETTLE_MS = 2000;

/**
 * Opens `files` (paths) in one server and reads its memory once all have diagnostics (`burst`)
 * and again after `SETTLE_MS` of quiet (`settled`), with the peak of the whole run.
 */
export async function serverMemory({ folder, files }) {
  const server = await startServer(folder);
  try {
    const published = [];
    for (const file of files) {
      const uri = pathToFileURL(file).href;
      published.push(server.diagnostics(uri, 1));
      await server.connection.sendNotification('textDocument/didOpen', {
        textDocument: { uri, languageId: 'markdown', version: 1, text: readFileSync(file, 'utf8') },
      });
    }
    const findings = (await Promise.all(published)).reduce(
      (sum, params) => sum + params.diagnostics.length,
      0,
    );
    const burst = memoryOf(server.pid).rssMb;
    await setTimeout(SETTLE_MS);
    const { rssMb, peakMb } = memoryOf(server.pid);
    return { burstMb: burst, settledMb: rssMb, peakMb, documents: files.length, findings };
  } finally {
    await server.stop();
  }
}

/** The LSP position of `offset` in `text` (lines end at `\n`). */
function positionAt(text, offset) {
  const before = text.slice(0, offset);
  const line = before.split('\n').length - 1;
  return { line, character: offset - (before.lastIndexOf('\n') + 1) };
}

/**
 * Opens `text` as `file`, then types `runs` characters at `offset`, one edit at a time; after
 * each edit, times from sending `didChange` to the answer to `textDocument/codeLens` (which
 * needs the new analysis).
 */
export async function serverEditLatency({ folder, file, text, offset, runs }) {
  const server = await startServer(folder);
  try {
    const uri = pathToFileURL(file).href;
    const opened = server.diagnostics(uri, 1);
    await server.connection.sendNotification('textDocument/didOpen', {
      textDocument: { uri, languageId: 'markdown', version: 1, text },
    });
    await opened;
    // An editor showing the document asks for its lenses at once.
    await server.connection.sendRequest('textDocument/codeLens', { textDocument: { uri } });
    const at = positionAt(text, offset);
    const times = [];
    for (let i = 0; i < runs; i++) {
      const start = performance.now();
      await server.connection.sendNotification('textDocument/didChange', {
        textDocument: { uri, version: i + 2 },
        contentChanges: [{ range: { start: at, end: at }, text: 'x' }],
      });
      await server.connection.sendRequest('textDocument/codeLens', { textDocument: { uri } });
      times.push(performance.now() - start);
    }
    return { median: median(times), runs: times };
  } finally {
    await server.stop();
  }
}

/**
 * Opens `text` as `file` in a fresh server: the time (ms) from `didOpen` to its diagnostics,
 * and to the answer of the next request (`textDocument/documentSymbol`), which shows the
 * server still serves.
 */
export async function serverOpenTime({ folder, file, text }) {
  const server = await startServer(folder);
  try {
    const uri = pathToFileURL(file).href;
    const start = performance.now();
    const published = server.diagnostics(uri, 1);
    await server.connection.sendNotification('textDocument/didOpen', {
      textDocument: { uri, languageId: 'markdown', version: 1, text },
    });
    const { diagnostics } = await published;
    const diagnosticsMs = performance.now() - start;
    await server.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri } });
    return { diagnosticsMs, answeredMs: performance.now() - start, diagnostics };
  } finally {
    await server.stop();
  }
}
