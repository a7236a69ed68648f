/**
 * The server under load and outside serving, over stdio: requests before `initialize` and
 * after `shutdown` get the protocol's errors, cancelled requests are answered as cancelled,
 * and typing in a configuration file re-checks the open reports once the typing pauses.
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { before, describe, test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import {
  CancellationTokenSource,
  CodeLensRequest,
  ExitNotification,
  HoverRequest,
  ShutdownRequest,
} from 'vscode-languageserver-protocol/node';
import { buildServer, pathUri, TestClient } from '../../helpers/lsp-client';
import { sample, serverSession } from '../../helpers/server-session';

const lensesOf = (uri: string) => ({ textDocument: { uri } });

describe('the lifecycle', () => {
  before(() => buildServer());

  test('a request before `initialize` gets ServerNotInitialized, after `shutdown` InvalidRequest', async () => {
    const client = TestClient.spawn();
    const uri = 'file:///reports/postmortems/early.md';
    await assert.rejects(client.request(CodeLensRequest.type, lensesOf(uri)), { code: -32002 });
    await client.initialize();
    await client.open(uri, sample);
    assert.ok((await client.request<unknown[]>(CodeLensRequest.type, lensesOf(uri))).length > 0);
    await client.connection.sendRequest(ShutdownRequest.type);
    await assert.rejects(client.request(CodeLensRequest.type, lensesOf(uri)), { code: -32600 });
    const position = { line: 0, character: 0 };
    await assert.rejects(client.request(HoverRequest.type, { textDocument: { uri }, position }), {
      code: -32600,
    });
    const exited = new Promise((resolve) => client.process.on('exit', resolve));
    await client.connection.sendNotification(ExitNotification.type);
    assert.equal(await exited, 0);
    client.connection.dispose();
  });
});

describe('load', () => {
  const session = serverSession({ prefix: 'pm-load-' });

  test('$/cancelRequest: of ten code lens requests, the nine cancelled are answered so', async () => {
    const rows = Array.from(
      { length: 3000 },
      (_, i) => `| 1:${String(i % 60).padStart(2, '0')} PM | Step ${i}. |`,
    );
    const text = sample.replace(
      '|------------|-------|\n',
      `|------------|-------|\n${rows.join('\n')}\n`,
    );
    const uri = session.uri('cancelled.md');
    await session.client.open(uri, text);
    const sources = Array.from({ length: 10 }, () => new CancellationTokenSource());
    const answers = sources.map((source) =>
      session.client.connection.sendRequest(CodeLensRequest.type, lensesOf(uri), source.token),
    );
    for (const source of sources.slice(1)) source.cancel();
    const settled = await Promise.allSettled(answers);
    assert.equal(settled[0]!.status, 'fulfilled');
    for (const result of settled.slice(1)) {
      assert.equal(result.status, 'rejected');
      assert.equal((result as PromiseRejectedResult).reason.code, -32800);
    }
  });

  test('typing in an open configuration file re-checks an open report once, after the pause', async () => {
    const { client } = session;
    const { uri } = await session.open('typed-config.md', sample);
    const configUri = pathUri(join(session.scratch, '.postmortemrc.json'));
    await client.open(configUri, '{}\n', 'json');
    // Ten keystrokes 30 ms apart, each a valid configuration.
    for (let version = 2; version <= 11; version++) {
      const text = `{ "timeZone": "${version % 2 ? 'UTC' : 'CET'}" }\n`;
      await client.change(configUri, version, [{ text }]);
      await sleep(30);
    }
    await client.diagnosticsFor(uri);
    const another = await Promise.race([client.diagnosticsFor(uri), sleep(1500, 'none')]);
    assert.equal(another, 'none');
  });
});
