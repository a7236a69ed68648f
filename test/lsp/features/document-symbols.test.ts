/**
 * The language server over stdio: `textDocument/documentSymbol` and `textDocument/foldingRange`
 * (`symbols.test.ts` has the unit tests of the heading blocks both are made of).
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { DocumentSymbol, FoldingRange } from 'vscode-languageserver-protocol/node';
import { DocumentSymbolRequest, FoldingRangeRequest } from 'vscode-languageserver-protocol/node';
import { sample, range, serverSession } from '../../helpers/server-session';

describe('language server over stdio', () => {
  const { client, open } = serverSession();

  test('textDocument/documentSymbol: headings nested, timeline entries under the timeline', async () => {
    const opened = await open('sample.md', sample);
    const symbols = (await client.connection.sendRequest(DocumentSymbolRequest.type, {
      textDocument: { uri: opened.uri },
    })) as DocumentSymbol[];
    // A section's range ends at the end of its last line with content, trailing spaces dropped.
    const contentEnd = (line: number) => sample.split('\n')[line]!.trimEnd().length;
    const section = (
      name: string,
      detail: string,
      line: number,
      endLine: number,
      children: DocumentSymbol[] = [],
    ): DocumentSymbol => ({
      name,
      kind: 2,
      range: range(line, 0, endLine, contentEnd(endLine)),
      selectionRange: range(line, 0, line, name.length + 3),
      children,
      detail,
    });
    const entry = (line: number, time: string, description: string): DocumentSymbol => ({
      name: time,
      detail: description,
      kind: 24,
      range: range(line, 0, line, 7 + time.length + description.length),
      selectionRange: range(line, 2, line, 2 + time.length),
    });
    assert.deepEqual(symbols, [
      {
        name: 'Post-Mortem Report: Login System Outage',
        kind: 15,
        range: range(0, 0, 38, contentEnd(38)),
        selectionRange: range(0, 0, 0, 41),
        children: [
          section('1. Summary', 'Summary', 2, 3),
          section('2. Impact', 'Impact', 5, 8),
          section('3. Timeline', 'Timeline', 10, 18, [
            entry(13, '12:55 PM', 'Automated monitoring detects increased DB errors.'),
            entry(14, '1:00 PM', 'PagerDuty alert sent to on-call engineers.'),
            entry(15, '1:10 PM', 'Engineers identify high DB connection usage.'),
            entry(16, '1:15 PM', 'Temporary fix applied (manually restarted DB).'),
            entry(17, '1:30 PM', 'Permanent fix implemented (optimized DB queries).'),
            entry(18, '1:35 PM', 'Issue marked as resolved.'),
          ]),
          section('4. Root Cause Analysis', 'Root Cause Analysis', 20, 22),
          section('5. Resolution & Recovery', 'Resolution & Recovery', 24, 29),
          section('6. Preventative Measures', 'Preventative Measures', 31, 34),
          section('7. Lessons Learned', 'Lessons Learned', 36, 38),
        ],
      },
    ]);
  });

  test('textDocument/foldingRange: one range per heading', async () => {
    const opened = await open('sample.md', sample);
    const ranges = (await client.connection.sendRequest(FoldingRangeRequest.type, {
      textDocument: { uri: opened.uri },
    })) as FoldingRange[];
    assert.deepEqual(ranges, [
      { startLine: 0, endLine: 38 },
      { startLine: 2, endLine: 3 },
      { startLine: 5, endLine: 8 },
      { startLine: 10, endLine: 18 },
      { startLine: 20, endLine: 22 },
      { startLine: 24, endLine: 29 },
      { startLine: 31, endLine: 34 },
      { startLine: 36, endLine: 38 },
    ]);
  });
});
