/**
 * The language server over stdio: `textDocument/inlayHint`.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { InlayHint } from 'vscode-languageserver-protocol/node';
import { InlayHintRequest } from 'vscode-languageserver-protocol/node';
import { sample, range, serverSession } from '../../helpers/server-session';

describe('language server over stdio', () => {
  const { client, open } = serverSession();

  test('textDocument/inlayHint: elapsed time after each timeline time', async () => {
    const opened = await open('sample.md', sample);
    const hints = (await client.connection.sendRequest(InlayHintRequest.type, {
      textDocument: { uri: opened.uri },
      range: range(0, 0, 40, 0),
    })) as InlayHint[];
    const hint = (line: number, character: number, label: string) => ({
      position: { line, character },
      label,
      paddingLeft: true,
      tooltip: 'Time since the incident started (12:55 PM)',
    });
    assert.deepEqual(hints, [
      hint(13, 10, 'T+0m'),
      hint(14, 9, 'T+5m'),
      hint(15, 9, 'T+15m'),
      hint(16, 9, 'T+20m'),
      hint(17, 9, 'T+35m'),
      hint(18, 9, 'T+40m'),
    ]);
  });
});
