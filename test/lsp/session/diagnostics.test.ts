/**
 * The language server over stdio: diagnostics published as documents open and change, and
 * which documents get them.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { CodeLensRequest, InlayHintRequest } from 'vscode-languageserver-protocol/node';
import { ruleUrl } from '../../../server/src/engine/rules/rule';
import type { OutlineResult } from '../../../server/src/protocol';
import { OUTLINE_REQUEST } from '../../../server/src/protocol';
import {
  fixtures,
  sample,
  sampleWithoutLessons,
  range,
  requiredLessons,
  serverSession,
} from '../../helpers/server-session';
import { pathUri } from '../../helpers/lsp-client';

describe('language server over stdio', () => {
  const { client, scratch, uri, open } = serverSession();

  test('textDocument/publishDiagnostics: the sample without Lessons Learned has one warning', async () => {
    const opened = await open('sample.md', sampleWithoutLessons);
    assert.deepEqual(
      { uri: opened.uri, version: 1, diagnostics: opened.diagnostics },
      requiredLessons(opened.uri, 1),
    );
  });

  test('textDocument/publishDiagnostics: the whole sample has none', async () => {
    const opened = await open('sample.md', sample);
    assert.deepEqual(opened.diagnostics, []);
  });

  test('textDocument/didChange: incremental edits are re-checked, version by version', async () => {
    // Named like a post-mortem, so it stays one when its timeline heading is renamed.
    const opened = await open('login-postmortem.md', sampleWithoutLessons);
    const end = sampleWithoutLessons.split('\n').length - 1;
    // Version 2: the missing section is typed at the end.
    const v2 = client.diagnosticsFor(opened.uri, 2);
    await client.change(opened.uri, 2, [
      { range: range(end, 0, end, 0), text: '## 7. Lessons Learned\nAlerts worked.\n' },
    ]);
    assert.deepEqual(await v2, { uri: opened.uri, version: 2, diagnostics: [] });
    // Version 3: `Timeline` becomes `Timing`, so the timeline section is gone.
    const v3 = client.diagnosticsFor(opened.uri, 3);
    await client.change(opened.uri, 3, [{ range: range(10, 6, 10, 14), text: 'Timing' }]);
    assert.deepEqual(await v3, {
      uri: opened.uri,
      version: 3,
      diagnostics: [
        {
          range: range(5, 0, 5, 12),
          severity: 2,
          code: 'required-sections',
          codeDescription: { href: ruleUrl('required-sections') },
          source: 'postmortem',
          message: 'Missing section `Timeline`; expected after `2. Impact`',
        },
      ],
    });
  });

  test('textDocument/didChange: after several quick edits the newest version is published', async () => {
    const opened = await open('sample.md', sample);
    // Each edit replaces the re-check the one before it scheduled.
    await client.change(opened.uri, 2, [{ range: range(10, 6, 10, 14), text: 'Timing' }]);
    await client.change(opened.uri, 3, [{ range: range(10, 6, 10, 12), text: 'Timeline' }]);
    const v4 = client.diagnosticsFor(opened.uri, 4);
    await client.change(opened.uri, 4, [{ range: range(2, 6, 2, 13), text: 'Summary' }]);
    const published = await v4;
    assert.deepEqual(published, { uri: opened.uri, version: 4, diagnostics: [] });
    // The outline is of version 4, whatever was scheduled before it.
    const result = await client.request<OutlineResult>(OUTLINE_REQUEST, { uri: opened.uri });
    assert.equal(
      result.sections.every((section) => section.state === 'present'),
      true,
    );
  });

  test('textDocument/publishDiagnostics: a README gets nothing', async () => {
    const documentUri = pathUri(join(scratch, 'docs', 'README.md'));
    const published = client.diagnosticsFor(documentUri, 1);
    await client.open(documentUri, readFileSync(join(fixtures, 'readme.md'), 'utf8'));
    assert.deepEqual(await published, { uri: documentUri, version: 1, diagnostics: [] });
    const lenses = await client.connection.sendRequest(CodeLensRequest.type, {
      textDocument: { uri: documentUri },
    });
    assert.deepEqual(lenses, []);
    const hints = await client.connection.sendRequest(InlayHintRequest.type, {
      textDocument: { uri: documentUri },
      range: range(0, 0, 20, 0),
    });
    assert.deepEqual(hints, []);
    const result = await client.request<OutlineResult>(OUTLINE_REQUEST, { uri: documentUri });
    assert.deepEqual(result, {
      uri: documentUri,
      isPostmortem: false,
      sections: [],
      timeline: [],
      followUps: [],
      metrics: null,
      metricNotes: null,
    });
  });

  test('textDocument/publishDiagnostics: a file under postmortems/ is checked whatever it holds', async () => {
    const documentUri = pathUri(join(scratch, 'postmortems', 'draft.md'));
    const published = client.diagnosticsFor(documentUri, 1);
    await client.open(documentUri, '# Draft\n\n## Summary\n\nTBD\n');
    const { diagnostics } = await published;
    assert.deepEqual(
      diagnostics.map((diagnostic) => diagnostic.code),
      ['empty-section', ...Array(6).fill('required-sections')],
    );
  });

  test('textDocument/didOpen: binary junk does not stop the server', async () => {
    const junk = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256)).toString(
      'latin1',
    );
    const documentUri = pathUri(join(scratch, 'postmortems', 'junk.md'));
    const published = client.diagnosticsFor(documentUri, 1);
    await client.open(documentUri, junk);
    await published;
    const result = await client.request<OutlineResult>(OUTLINE_REQUEST, { uri: documentUri });
    assert.equal(result.uri, documentUri);
    const sampleUri = uri('sample.md');
    const sampleDiagnostics = client.diagnosticsFor(sampleUri, 1);
    await client.open(sampleUri, sample);
    assert.deepEqual((await sampleDiagnostics).diagnostics, []);
  });
});
