/**
 * `DocumentAnalyses` on its own: what a document gets when the engine throws (the protocol
 * tests cannot make the engine throw; here a configuration it cannot read does), and which
 * documents keep their analyses.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Connection, PublishDiagnosticsParams, TextDocuments } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { analyze } from '../../../server/src/engine/analyze';
import { defaultConfig } from '../../../server/src/engine/config/defaults';
import type { LintConfig, Schema } from '../../../server/src/engine/model';
import { codeActions } from '../../../server/src/lsp/features/code-actions';
import { codeLenses } from '../../../server/src/lsp/features/code-lens';
import { completions } from '../../../server/src/lsp/features/completion';
import { hover } from '../../../server/src/lsp/features/hover';
import { inlayHints } from '../../../server/src/lsp/features/inlay-hints';
import { outline } from '../../../server/src/lsp/features/outline';
import { documentSymbols, foldingRanges } from '../../../server/src/lsp/features/symbols';
import type {
  AnalyzedDocument,
  AnalyzedPostmortem,
} from '../../../server/src/lsp/session/analyzed';
import { analysisDiagnostics } from '../../../server/src/lsp/session/diagnostics';
import type { AnalysesOptions } from '../../../server/src/lsp/session/documents';
import { isAnalyzedPostmortem } from '../../../server/src/lsp/session/analyzed';
import { DocumentAnalyses } from '../../../server/src/lsp/session/documents';
import { coerceSettings } from '../../../server/src/lsp/session/settings';
import { uriToPath } from '../../../server/src/node/disk-config-files';
import { SHOW_METRICS_COMMAND } from '../../../server/src/protocol';
import { SAMPLE_METRICS_LENS } from '../../helpers/sample-metrics';
import { sample } from '../../helpers/server-session';

/** `DocumentAnalyses` over fake documents and connection; counts the analyses it starts. */
function analysesOf(
  open: TextDocument[],
  config: LintConfig,
  options?: AnalysesOptions,
  configFolder: string | null = null,
) {
  const logged: string[] = [];
  const waiting = new Map<string, (params: PublishDiagnosticsParams) => void>();
  const connection = {
    sendDiagnostics: (params: PublishDiagnosticsParams) => {
      waiting.get(params.uri)?.(params);
      return Promise.resolve();
    },
    sendNotification: () => Promise.resolve(),
    console: { error: (message: string) => logged.push(message) },
  } as unknown as Connection;
  const documents = {
    get: (uri: string) => open.find((document) => document.uri === uri),
    all: () => open,
  } as unknown as TextDocuments<TextDocument>;
  const counts = { analyses: 0 };
  const analyses = new DocumentAnalyses(
    connection,
    documents,
    () => {
      // Each analysis starts by reading the document's configuration.
      counts.analyses++;
      return Promise.resolve({ settings: coerceSettings(undefined), config, configFolder });
    },
    () => [],
    uriToPath,
    options,
  );
  /** The next diagnostics published for `uri`: ask before they can arrive. */
  const published = (uri: string) =>
    new Promise<PublishDiagnosticsParams>((resolve) => waiting.set(uri, resolve));
  return { analyses, counts, logged, published };
}

/** The code lenses of an analysed post-mortem. */
function lensesOf(analyzed: AnalyzedDocument | undefined) {
  assert.ok(isAnalyzedPostmortem(analyzed));
  return codeLenses(analyzed);
}

test('a document the engine throws on gets one info diagnostic, and the error is logged', async () => {
  const uri = 'file:///reports/postmortems/broken.md';
  const document = TextDocument.create(uri, 'markdown', 1, '# Broken\n');
  // A schema the engine cannot read makes `analyze` throw.
  const config = { ...defaultConfig(), schema: null as unknown as Schema };
  const { analyses, logged, published } = analysesOf([document], config);

  const diagnostics = published(uri);
  analyses.opened(uri);
  assert.deepEqual(await diagnostics, {
    uri,
    version: 1,
    diagnostics: [
      {
        range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
        severity: 3,
        source: 'postmortem',
        message:
          "Post-mortem analysis failed: Cannot read properties of null (reading 'sections'). The error is in the server log",
      },
    ],
  });
  assert.equal(logged.length, 1);
  assert.match(
    logged[0]!,
    /^Analysing file:\/\/\/reports\/postmortems\/broken\.md \(version 1\) failed: TypeError/,
  );
  const analyzed = await analyses.get(uri);
  assert.deepEqual([analyzed?.analysis, analyzed?.isPostmortem], [null, false]);
});

test('retention: only the documents used last keep their analyses; one dropped is analysed again, same results', async () => {
  const uris = Array.from({ length: 20 }, (_, i) => `file:///reports/postmortems/report-${i}.md`);
  const open = uris.map((uri, i) =>
    TextDocument.create(uri, 'markdown', 1, sample.replace('Login System Outage', `Outage ${i}`)),
  );
  const { analyses, counts } = analysesOf(open, defaultConfig(), { retained: 3 });

  // Requests about each document in turn, as an editor makes when it shows one.
  const first = await analyses.get(uris[0]!);
  for (const uri of uris.slice(1)) await analyses.get(uri);
  assert.equal(counts.analyses, 20);
  const last = await analyses.get(uris[19]!);
  assert.equal(await analyses.get(uris[17]!), await analyses.get(uris[17]!));
  assert.equal(counts.analyses, 20);

  // The first was dropped long ago: asked about again, it is analysed again, to the same result.
  const again = await analyses.get(uris[0]!);
  assert.equal(counts.analyses, 21);
  assert.notEqual(again, first);
  assert.deepEqual(again?.analysis, first?.analysis);
  const expected = [
    {
      range: { start: { line: 10, character: 0 }, end: { line: 10, character: 14 } },
      command: {
        ...SAMPLE_METRICS_LENS,
        command: SHOW_METRICS_COMMAND,
        arguments: [uris[0]],
      },
    },
  ];
  assert.deepEqual(lensesOf(again), expected);
  assert.deepEqual(lensesOf(first), expected);

  // In use now: 19, 17 and 0. Document 18 was dropped to make room for 0.
  assert.equal(await analyses.get(uris[19]!), last);
  assert.equal(counts.analyses, 21);
  await analyses.get(uris[18]!);
  assert.equal(counts.analyses, 22);
});

test('retention: the documents kept hold at most `retainedCharacters`; one dropped answers as it did', async () => {
  const uris = ['a', 'b', 'c'].map((name) => `file:///reports/postmortems/${name}.md`);
  const [a, b, c] = uris as [string, string, string];
  const open = uris.map((uri) => TextDocument.create(uri, 'markdown', 1, sample));
  const { analyses, counts } = analysesOf(open, defaultConfig(), {
    retainedCharacters: 2 * sample.length,
  });
  const kept = await analyses.get(a);
  await analyses.get(b);
  // Two texts fill the budget: the third drops the first.
  await analyses.get(c);
  assert.equal(counts.analyses, 3);
  await analyses.get(b);
  assert.equal(counts.analyses, 3);
  const again = await analyses.get(a);
  assert.equal(counts.analyses, 4);
  assert.ok(isAnalyzedPostmortem(kept) && isAnalyzedPostmortem(again));
  assert.notEqual(again, kept);
  // Every feature answers the dropped document as it answered it kept.
  const whole = { start: { line: 0, character: 0 }, end: { line: 10_000, character: 0 } };
  const answers = (document: AnalyzedPostmortem) => {
    const lines = document.analysis.model.lines.lineStarts.length;
    const at = Array.from({ length: lines }, (_, line) => ({ line, character: 3 }));
    return {
      diagnostics: analysisDiagnostics(document.analysis, document.positions),
      lenses: codeLenses(document),
      hints: inlayHints(document, whole, 'endOfRow'),
      symbols: documentSymbols(document),
      folding: foldingRanges(document),
      outline: outline(a, document),
      hover: at.map((position) => hover(document, position)),
      completion: at.map((position) => completions(document, position, new Date(0))),
      actions: codeActions(document, {
        textDocument: { uri: a },
        range: whole,
        context: { diagnostics: [] },
      }),
    };
  };
  const expected = answers(kept);
  // Answers there are, to compare: a lens, hints, hovers, completions.
  assert.ok(expected.lenses.length > 0 && expected.hints.length > 0);
  assert.ok(expected.hover.some((answer) => answer !== null));
  assert.ok(expected.completion.some((items) => items.length > 0));
  assert.deepEqual(answers(again), expected);
});

test('retention: of the documents only opened, the last keeps its analysis; an edited one keeps it', async () => {
  const uris = ['first', 'second', 'edited'].map(
    (name) => `file:///reports/postmortems/${name}.md`,
  );
  const [first, second, edited] = uris as [string, string, string];
  const open = uris.map((uri) => TextDocument.create(uri, 'markdown', 1, sample));
  const { analyses, counts, published } = analysesOf(open, defaultConfig(), {
    debounceMs: 0,
    retained: 3,
  });
  /** Opens (or edits) `uri` and waits for its diagnostics. */
  const check = async (uri: string, how: 'opened' | 'edited') => {
    const diagnostics = published(uri);
    analyses[how](uri);
    assert.deepEqual((await diagnostics).diagnostics, []);
  };

  await check(first, 'opened');
  await check(second, 'opened');
  assert.equal(counts.analyses, 2);
  // Opened last: an editor showing it asks about it next, and its analysis is there.
  await analyses.get(second);
  assert.equal(counts.analyses, 2);
  // Opened before it and never asked about: analysed again.
  await analyses.get(first);
  assert.equal(counts.analyses, 3);

  await check(edited, 'edited');
  assert.equal(counts.analyses, 4);
  await analyses.get(edited);
  assert.equal(counts.analyses, 4);
});

test('edits: each version of a document in use is analysed as a full analysis would', async () => {
  const uri = 'file:///reports/postmortems/typed.md';
  const document = TextDocument.create(uri, 'markdown', 1, sample);
  const config = defaultConfig();
  const { analyses } = analysesOf([document], config);
  await analyses.get(uri);
  // In the Summary, in a timeline row's time, and a new row above that one.
  const edits = [
    { before: 'our login system', text: 'x' },
    { before: '1:00 PM |', text: '2' },
    { before: '| 1:00 PM', text: '| 12:58 PM | Engineers paged. |\n' },
  ];
  for (const [index, edit] of edits.entries()) {
    const at = document.positionAt(document.getText().indexOf(edit.before));
    TextDocument.update(document, [{ range: { start: at, end: at }, text: edit.text }], index + 2);
    const analyzed = await analyses.get(uri);
    assert.equal(analyzed?.version, index + 2);
    assert.deepEqual(analyzed?.analysis, analyze(document.getText(), config));
  }
});

test("the configuration file's `files` globs make a post-mortem, relative to its folder", async () => {
  const text = '# Tooling\n\nHow to build.\n';
  const inside = 'file:///repo/site/reviews/q1.md';
  const outside = 'file:///repo/elsewhere/reviews/q1.md';
  const open = [inside, outside].map((uri) => TextDocument.create(uri, 'markdown', 1, text));
  const config = { ...defaultConfig(), files: ['reviews/**'] };
  const { analyses } = analysesOf(open, config, undefined, '/repo/site');
  assert.equal((await analyses.get(inside))?.isPostmortem, true);
  assert.equal((await analyses.get(outside))?.isPostmortem, false);
});

test('requests for versions typed while an analysis is pending share it: one analysis, of the newest', async () => {
  const uri = 'file:///reports/postmortems/busy.md';
  const document = TextDocument.create(uri, 'markdown', 1, sample);
  const config = defaultConfig();
  const { analyses, counts } = analysesOf([document], config);
  const answers = [analyses.get(uri)];
  for (let version = 2; version <= 10; version++) {
    const at = document.positionAt(sample.indexOf('our login system'));
    TextDocument.update(document, [{ range: { start: at, end: at }, text: 'x' }], version);
    answers.push(analyses.get(uri));
  }
  const analyzed = await Promise.all(answers);
  assert.equal(counts.analyses, 1);
  assert.deepEqual(new Set(analyzed.map((answer) => answer?.version)), new Set([10]));
  assert.deepEqual(analyzed[0]?.analysis, analyze(document.getText(), config));
  // Settled: the next version is analysed again.
  const at = document.positionAt(0);
  TextDocument.update(document, [{ range: { start: at, end: at }, text: 'x' }], 11);
  assert.equal((await analyses.get(uri))?.version, 11);
  assert.equal(counts.analyses, 2);
});

test('the typing pause follows what the last analysis of an edit cost', async () => {
  const uri = 'file:///reports/postmortems/quick.md';
  const document = TextDocument.create(uri, 'markdown', 1, sample);
  const { analyses } = analysesOf([document], defaultConfig(), { debounceMs: 200 });
  assert.equal(analyses.quietTime(uri), 200, 'not analysed yet: the whole debounce');
  await analyses.get(uri);
  assert.equal(analyses.quietTime(uri), 50, 'only afresh: the shortest, until an edit tells');
  const at = document.positionAt(0);
  TextDocument.update(document, [{ range: { start: at, end: at }, text: 'x' }], 2);
  await analyses.get(uri);
  // The sample analyses in milliseconds: a shorter pause, never under the shortest.
  const pause = analyses.quietTime(uri);
  assert.ok(pause >= 50 && pause < 200, `${pause} ms`);
});

test('an analysis asked for waits for the edits already received: the version typed last is analysed', async () => {
  const uri = 'file:///reports/postmortems/typed-on.md';
  const document = TextDocument.create(uri, 'markdown', 1, sample);
  const { analyses, counts } = analysesOf([document], defaultConfig());
  const asked = analyses.get(uri);
  // Edits the connection reads in the turns after the request, one a turn.
  for (let version = 2; version <= 6; version++) {
    await new Promise((resolve) => setImmediate(resolve));
    const at = document.positionAt(0);
    TextDocument.update(document, [{ range: { start: at, end: at }, text: 'x' }], version);
  }
  assert.equal((await asked)?.version, 6);
  assert.equal(counts.analyses, 1);
});
