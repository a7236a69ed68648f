// The language server as a process over stdio: a cold open in a fresh server, typing bursts to
// their diagnostics and to the code lenses asked after every keystroke, resident memory
// with many open reports, with and without `--expose-gc`, and the workspace index of many
// reports on disk.
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

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/**
 * Starts `server/out/server.js --stdio` and initializes it; resolves diagnostics by URI.
 * `gc`: with the Node flags the VS Code client starts it with (`--expose-gc`); false, as any
 * other editor starts it.
 */
export async function startServer(folder, { gc = true } = {}) {
  const script = join(repoRoot, 'server', 'out', 'server.js');
  const child = spawn(process.execPath, [...(gc ? SERVER_NODE_FLAGS : []), script, '--stdio'], {
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
    open: (uri, text) =>
      connection.sendNotification('textDocument/didOpen', {
        textDocument: { uri, languageId: 'markdown', version: 1, text },
      }),
    lenses: (uri) => connection.sendRequest('textDocument/codeLens', { textDocument: { uri } }),
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

/**
 * Opens `files` (paths) in one server (`gc`: with `--expose-gc`) and reads its resident memory
 * once all have diagnostics (`burst`) and after `settleMs` of quiet (`settled`), with the peak
 * of the whole run; `idleMb`: the server before the first open.
 */
export async function serverMemory({ folder, files, gc, settleMs }) {
  const server = await startServer(folder, { gc });
  try {
    await setTimeout(500);
    const idle = memoryOf(server.pid).rssMb;
    const published = [];
    for (const file of files) {
      const uri = pathToFileURL(file).href;
      published.push(server.diagnostics(uri, 1));
      await server.open(uri, readFileSync(file, 'utf8'));
    }
    const findings = (await Promise.all(published)).reduce(
      (sum, params) => sum + params.diagnostics.length,
      0,
    );
    const burst = memoryOf(server.pid).rssMb;
    await setTimeout(settleMs);
    const { rssMb, peakMb } = memoryOf(server.pid);
    return { idleMb: idle, burstMb: burst, settledMb: rssMb, peakMb, findings };
  } finally {
    await server.stop();
  }
}

/**
 * A fresh server (`gc`: with `--expose-gc`) indexes `folder`, which holds `expected`
 * post-mortems: the time (ms) from `initialized` to the index complete (`postmortem/incidents`
 * no longer `indexing`, every report listed), and its resident memory before the index starts
 * (`baselineMb`, half a second after `initialized`), once it is complete (`indexedMb`),
 * `settleMs` later (`settledMb`), and at its peak.
 */
export async function indexWorkspace({ folder, expected, gc = false, settleMs = 0 }) {
  const server = await startServer(folder, { gc });
  const start = performance.now();
  try {
    await setTimeout(500);
    const baselineMb = memoryOf(server.pid).rssMb;
    let result;
    for (let attempt = 0; attempt < 12_000; attempt++) {
      result = await server.connection.sendRequest('postmortem/incidents', null);
      if (!result.indexing && result.incidents.length >= expected) break;
      await setTimeout(10);
    }
    const ms = performance.now() - start;
    const indexedMb = memoryOf(server.pid).rssMb;
    await setTimeout(settleMs);
    const { rssMb, peakMb } = memoryOf(server.pid);
    return { ms, baselineMb, indexedMb, settledMb: rssMb, peakMb, count: result.incidents.length };
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

/** How long a fresh server is left after `initialized` before a document opens. */
const ACTIVATION_PAUSE_MS = 300;

/**
 * A fresh server process opens `text` as `file`: the time (ms) from `didOpen` to the answer
 * to the `textDocument/codeLens` request an editor sends with it.
 */
export async function coldOpen({ folder, file, text }) {
  const server = await startServer(folder);
  try {
    await setTimeout(ACTIVATION_PAUSE_MS);
    const uri = pathToFileURL(file).href;
    const start = performance.now();
    await server.open(uri, text);
    await server.lenses(uri);
    return performance.now() - start;
  } finally {
    await server.stop();
  }
}

/**
 * Opens `text` as `file`, then types `keystrokes` characters at `offset`, `gapMs` apart.
 * `toDiagnostics`: from the last keystroke to the diagnostics of its version. With `ask`, the
 * client also requests code lenses after every keystroke, as an editor showing them does:
 * `lastAnswer` from the last keystroke to the last answer, `answers` each answer's latency.
 */
export async function typingBurst({ folder, file, text, offset, keystrokes, gapMs, ask }) {
  const server = await startServer(folder);
  try {
    const uri = pathToFileURL(file).href;
    const opened = server.diagnostics(uri, 1);
    await server.open(uri, text);
    await opened;
    await server.lenses(uri);
    const at = positionAt(text, offset);
    const last = keystrokes + 1;
    const published = server.diagnostics(uri, last).then(() => performance.now());
    const answers = [];
    const pending = [];
    let lastSent = 0;
    for (let version = 2; version <= last; version++) {
      if (version > 2) await setTimeout(gapMs);
      const sent = performance.now();
      lastSent = sent;
      await server.connection.sendNotification('textDocument/didChange', {
        textDocument: { uri, version },
        contentChanges: [{ range: { start: at, end: at }, text: 'x' }],
      });
      if (ask) {
        pending.push(
          server.lenses(uri).then(() => {
            const now = performance.now();
            answers.push(now - sent);
            return now;
          }),
        );
      }
    }
    const answeredAt = ask ? Math.max(...(await Promise.all(pending))) : lastSent;
    const diagnosticsAt = await published;
    return {
      toDiagnostics: diagnosticsAt - lastSent,
      lastAnswer: answeredAt - lastSent,
      answers,
    };
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
