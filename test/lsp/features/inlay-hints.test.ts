/**
 * The language server over stdio: `textDocument/inlayHint`.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { InlayHint } from 'vscode-languageserver-protocol/node';
import {
  DidChangeConfigurationNotification,
  InlayHintRequest,
} from 'vscode-languageserver-protocol/node';
import { listTimeline, sample, range, serverSession } from '../../helpers/server-session';

describe('language server over stdio', () => {
  const { client, open } = serverSession();

  const hintsOf = async (uri: string): Promise<InlayHint[]> =>
    (await client.connection.sendRequest(InlayHintRequest.type, {
      textDocument: { uri },
      range: range(0, 0, 40, 0),
    })) as InlayHint[];

  test('textDocument/inlayHint: in a table, after each row, so the pipes stay in line', async () => {
    const opened = await open('sample.md', sample);
    const hint = (line: number, character: number, label: string) => ({
      position: { line, character },
      label,
      paddingLeft: true,
      tooltip: 'Time since the incident started (12:55 PM)',
    });
    // Each position is the end of its row: after the closing `|`.
    assert.deepEqual(await hintsOf(opened.uri), [
      hint(13, 64, 'T+0m'),
      hint(14, 56, 'T+5m'),
      hint(15, 58, 'T+15m'),
      hint(16, 60, 'T+20m'),
      hint(17, 63, 'T+35m'),
      hint(18, 39, 'T+40m'),
    ]);
  });

  test('textDocument/inlayHint: in a list, after the time, apart from it and the text', async () => {
    const opened = await open('list-timeline.md', listTimeline);
    const [first] = await hintsOf(opened.uri);
    assert.deepEqual(first, {
      position: { line: 18, character: 7 },
      label: 'T+0m',
      paddingLeft: true,
      paddingRight: true,
      tooltip: 'Time since the incident started (09:00)',
    });
  });

  test('textDocument/inlayHint: postmortem.inlayHints.tables off leaves tables without hints', async () => {
    client.settings = { inlayHints: { tables: 'off' } };
    await client.connection.sendNotification(DidChangeConfigurationNotification.type, {
      settings: null,
    });
    try {
      const table = await open('sample.md', sample);
      assert.deepEqual(await hintsOf(table.uri), []);
      const list = await open('list-timeline.md', listTimeline);
      assert.equal((await hintsOf(list.uri)).length, 5);
    } finally {
      client.settings = {};
      await client.connection.sendNotification(DidChangeConfigurationNotification.type, {
        settings: null,
      });
    }
  });
});
