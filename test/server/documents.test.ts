/**
 * `DocumentAnalyses` on its own: what a document gets when the engine throws. (The protocol
 * tests cannot make the engine throw; here a configuration it cannot read does.)
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Connection, PublishDiagnosticsParams, TextDocuments } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { defaultConfig } from '../../server/src/engine/defaults';
import type { Schema } from '../../server/src/engine/model';
import { DocumentAnalyses } from '../../server/src/lsp/documents';
import { coerceSettings } from '../../server/src/lsp/settings';

test('a document the engine throws on gets one info diagnostic, and the error is logged', async () => {
  const uri = 'file:///reports/postmortems/broken.md';
  const document = TextDocument.create(uri, 'markdown', 1, '# Broken\n');
  const logged: string[] = [];
  let publish!: (params: PublishDiagnosticsParams) => void;
  const published = new Promise<PublishDiagnosticsParams>((resolve) => (publish = resolve));
  const connection = {
    sendDiagnostics: (params: PublishDiagnosticsParams) => Promise.resolve(publish(params)),
    sendNotification: () => Promise.resolve(),
    console: { error: (message: string) => logged.push(message) },
  } as unknown as Connection;
  const documents = {
    get: (wanted: string) => (wanted === uri ? document : undefined),
    all: () => [document],
  } as unknown as TextDocuments<TextDocument>;
  // A schema the engine cannot read makes `analyze` throw.
  const config = { ...defaultConfig(), schema: null as unknown as Schema };
  const analyses = new DocumentAnalyses(
    connection,
    documents,
    () => Promise.resolve({ settings: coerceSettings(undefined), config }),
    () => [],
  );

  analyses.schedule(uri, 0);
  assert.deepEqual(await published, {
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
