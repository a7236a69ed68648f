/**
 * The web server bundle (`server/out/browser-server.js`) in a real browser: Debian's Chromium,
 * through playwright-core, opens a page served from 127.0.0.1 that starts the bundle in a Web
 * Worker, and the test drives it over `postMessage` with JSON-RPC, as the web extension's
 * client does, on documents of a virtual file system (`vscode-vfs:`, as on github.dev).
 * Skipped, saying so, where Chromium is not installed (`.ci/run` installs it).
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { chromium } from 'playwright-core';
import type {
  CodeAction,
  CodeLens,
  CompletionItem,
  DataCallback,
  Disposable,
  DocumentSymbol,
  Hover,
  InlayHint,
  Message,
} from 'vscode-languageserver-protocol/node';
import {
  AbstractMessageReader,
  AbstractMessageWriter,
  CodeActionRequest,
  CodeLensRequest,
  CompletionRequest,
  DocumentSymbolRequest,
  HoverRequest,
  InlayHintRequest,
  RegistrationRequest,
} from 'vscode-languageserver-protocol/node';
import type {
  CheckAllResult,
  ConfigFilesParams,
  IncidentsResult,
  OutlineResult,
} from '../../server/src/protocol';
import {
  CHECK_ALL_REQUEST,
  CONFIG_FILES_NOTIFICATION,
  INCIDENTS_REQUEST,
  OUTLINE_REQUEST,
} from '../../server/src/protocol';
import { buildBundles } from '../helpers/build';
import { applyTextEdits, ProtocolClient, repoRoot } from '../helpers/lsp-client';
import { SAMPLE_METRICS_LENS } from '../helpers/sample-metrics';
import {
  lessonsScaffold,
  range,
  requiredLessons,
  sampleWithoutLessons,
} from '../helpers/server-session';

const CHROMIUM = process.env.PM_E2E_CHROMIUM || '/usr/bin/chromium';
const skip = existsSync(CHROMIUM)
  ? false
  : `Chromium is not installed at ${CHROMIUM} (apt-get install chromium, or set PM_E2E_CHROMIUM)`;

/** The page: the bundle in a worker, its messages passed to the test and back. */
const PAGE = `<!doctype html><meta charset="utf-8"><title>web server</title><script>
  const worker = new Worker('/browser-server.js');
  worker.onmessage = (event) => window.toTest(event.data);
  worker.onerror = (event) => window.workerError(String(event.message));
  window.toServer = (message) => worker.postMessage(message);
</script>`;

/** Messages the page passes on from the worker. */
class PageReader extends AbstractMessageReader {
  private callback: DataCallback | undefined;
  private readonly early: Message[] = [];

  receive(message: Message): void {
    if (this.callback) this.callback(message);
    else this.early.push(message);
  }

  listen(callback: DataCallback): Disposable {
    this.callback = callback;
    for (const message of this.early.splice(0)) callback(message);
    return { dispose: () => (this.callback = undefined) };
  }
}

/** Messages to the worker, through the page, in the order they are written. */
class PageWriter extends AbstractMessageWriter {
  private sent: Promise<void> = Promise.resolve();

  constructor(private readonly page: Page) {
    super();
  }

  write(message: Message): Promise<void> {
    this.sent = this.sent.then(() =>
      this.page.evaluate((data) => (globalThis as unknown as PageWindow).toServer(data), message),
    );
    return this.sent;
  }

  end(): void {}
}

interface PageWindow {
  toServer(message: unknown): void;
}

const folder = 'vscode-vfs://github/postmortem-tools/reports';
const reportUri = `${folder}/postmortems/2024-03-12-login.md`;
const configUri = `${folder}/.postmortemrc.json`;

describe('the web server in a browser worker', { skip }, () => {
  let http: Server;
  let browser: Browser;
  let client: ProtocolClient;
  const workerErrors: string[] = [];
  /** The methods the server registers for. */
  const registered: string[] = [];

  before(async () => {
    buildBundles('web-server');
    const bundle = readFileSync(join(repoRoot, 'server', 'out', 'browser-server.js'));
    http = createServer((request, response) => {
      const script = request.url === '/browser-server.js';
      response.writeHead(script || request.url === '/' ? 200 : 404, {
        'content-type': script ? 'text/javascript' : 'text/html',
      });
      response.end(script ? bundle : request.url === '/' ? PAGE : '');
    });
    await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
    const { port } = http.address() as AddressInfo;
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
    });
    const page = await browser.newPage();
    const reader = new PageReader();
    await page.exposeFunction('toTest', (message: Message) => reader.receive(message));
    await page.exposeFunction('workerError', (message: string) => workerErrors.push(message));
    await page.goto(`http://127.0.0.1:${port}/`);
    client = new ProtocolClient(reader, new PageWriter(page), {});
    client.connection.onRequest(RegistrationRequest.type, (params) => {
      registered.push(...params.registrations.map((registration) => registration.method));
    });
    await client.initialize({ folderUris: [folder] });
  });

  after(async () => {
    await browser?.close();
    await new Promise((resolve) => http?.close(resolve));
  });

  const handOver = (params: ConfigFilesParams): Promise<void> =>
    client.connection.sendNotification(CONFIG_FILES_NOTIFICATION, params);

  test('initialize: the capabilities of the Node server', () => {
    const { capabilities } = client.initializeResult;
    assert.ok(capabilities.codeLensProvider);
    assert.ok(capabilities.codeActionProvider);
    assert.equal(capabilities.hoverProvider, true);
    assert.equal(capabilities.inlayHintProvider, true);
    assert.equal(client.initializeResult.serverInfo?.name, 'postmortem-language-server');
  });

  test('initialized: no file watching, since the client hands changed files over', async () => {
    // A request after `initialized` is answered after the registrations that it sends.
    await client.request(CodeLensRequest.type, { textDocument: { uri: `${folder}/none.md` } });
    assert.ok(registered.includes('workspace/didChangeConfiguration'));
    assert.ok(!registered.includes('workspace/didChangeWatchedFiles'));
  });

  test('didOpen: the report without Lessons Learned gets the finding, its lens and its fix', async () => {
    await handOver({ files: [] });
    const diagnostics = await client.openForDiagnostics(reportUri, sampleWithoutLessons);
    assert.deepEqual(diagnostics, requiredLessons(reportUri, 1).diagnostics);

    const lenses = await client.request<CodeLens[]>(CodeLensRequest.type, {
      textDocument: { uri: reportUri },
    });
    assert.ok(lenses.some((lens) => lens.command?.title === SAMPLE_METRICS_LENS.title));

    const actions = await client.request<CodeAction[]>(CodeActionRequest.type, {
      textDocument: { uri: reportUri },
      range: diagnostics[0]!.range,
      context: { diagnostics, triggerKind: 2 },
    });
    const fix = actions.find((action) => action.isPreferred);
    assert.equal(fix?.title, 'Insert the `Lessons Learned` section');
    assert.equal(
      applyTextEdits(sampleWithoutLessons, fix.edit?.changes?.[reportUri] ?? []),
      sampleWithoutLessons + lessonsScaffold,
    );
    assert.deepEqual(workerErrors, []);
  });

  test('hover, inlay hints, completion, symbols and the outline: every request is served', async () => {
    const textDocument = { uri: reportUri };
    // Line 14 (0-based 13): `| 12:55 PM | Automated monitoring …`.
    const hover = await client.request<Hover | null>(HoverRequest.type, {
      textDocument,
      position: { line: 13, character: 4 },
    });
    assert.match(JSON.stringify(hover?.contents), /12:55/);
    const hints = await client.request<InlayHint[]>(InlayHintRequest.type, {
      textDocument,
      range: range(0, 0, 40, 0),
    });
    assert.deepEqual(
      hints.map((hint) => hint.label),
      ['T+0m', 'T+5m', 'T+15m', 'T+20m', 'T+35m', 'T+40m'],
    );
    const headings = await client.request<CompletionItem[]>(CompletionRequest.type, {
      textDocument,
      position: { line: 35, character: 0 },
    });
    assert.ok(headings.some((item) => /Lessons Learned/.test(item.label)));
    const symbols = await client.request<DocumentSymbol[]>(DocumentSymbolRequest.type, {
      textDocument,
    });
    assert.ok(symbols.length > 0);
    const outline = await client.request<OutlineResult | null>(OUTLINE_REQUEST, {
      uri: reportUri,
    });
    assert.equal(outline?.isPostmortem, true);
    assert.deepEqual(outline.metrics, {
      timeToDetect: 0,
      timeToAcknowledge: 5,
      timeToMitigate: 20,
      timeToResolve: 40,
    });
  });

  test('postmortem/incidents: without a file system, the open reports of the workspace folder', async () => {
    const index = await client.request<IncidentsResult>(INCIDENTS_REQUEST, null);
    assert.deepEqual(
      index.incidents.map((incident) => [incident.uri, incident.findings.warning]),
      [[reportUri, 1]],
    );
    assert.equal(index.indexing, false);
    const checked = await client.request<CheckAllResult>(CHECK_ALL_REQUEST, null);
    assert.equal(checked.reports, 1);
    assert.deepEqual(workerErrors, []);
  });

  test('postmortem/configFiles: the configuration handed over applies, extends and all', async () => {
    const republished = client.diagnosticsFor(reportUri, 1);
    const problems = client.diagnosticsFor(configUri);
    await handOver({
      files: [
        { fileName: configUri, text: '{ "extends": "./team/base.json" }\n' },
        {
          fileName: `${folder}/team/base.json`,
          text: '{ "rules": { "required-sections": "off" } }\n',
        },
      ],
    });
    assert.deepEqual((await republished).diagnostics, []);
    assert.deepEqual((await problems).diagnostics, []);
  });

  test('postmortem/configFiles: a file it extends that the client could not read is a problem', async () => {
    const republished = client.diagnosticsFor(reportUri, 1);
    const problems = client.diagnosticsFor(configUri);
    await handOver({
      files: [{ fileName: configUri, text: '{ "extends": "./missing.json" }\n' }],
    });
    assert.deepEqual((await republished).diagnostics, requiredLessons(reportUri, 1).diagnostics);
    assert.match(
      (await problems).diagnostics.map((diagnostic) => diagnostic.message).join('\n'),
      /missing\.json.*no such file or directory/,
    );
  });
});
