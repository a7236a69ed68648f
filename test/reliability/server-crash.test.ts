/**
 * The language server through the protocol when things go wrong: killed mid-session (a client
 * starts a new one and reopens its documents), and a handler that throws.
 */
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import type { Diagnostic } from 'vscode-languageserver-protocol/node';
import { DocumentSymbolRequest, HoverRequest } from 'vscode-languageserver-protocol/node';
import { OUTLINE_REQUEST } from '../../server/src/protocol';
import type { OutlineResult } from '../../server/src/protocol';
import { buildServer, TestClient } from '../helpers/lsp-client';
import { sample, sampleWithoutLessons as withoutLessons } from '../helpers/server-session';

const uri = 'file:///crash/postmortems/report.md';

/** A hang, not a slow machine. */
const HANG = { timeout: 120_000 };

before(() => buildServer());

/** Opens `text` and waits for its first diagnostics. */
function openReport(client: TestClient, text: string): Promise<Diagnostic[]> {
  return client.openForDiagnostics(uri, text);
}

test(
  'SIGKILL mid-session: a new server, the document reopened, the same diagnostics',
  HANG,
  async () => {
    const first = await TestClient.start();
    assert.deepEqual(await openReport(first, sample), []);
    // The user deletes Lessons Learned; the server answers with the missing section.
    const edited = first.diagnosticsFor(uri, 2);
    await first.change(uri, 2, [{ text: withoutLessons }]);
    const beforeCrash = (await edited).diagnostics;
    assert.deepEqual(
      beforeCrash.map((diagnostic) => [diagnostic.code, diagnostic.message]),
      [
        [
          'required-sections',
          'Missing section `Lessons Learned`; expected after `6. Preventative Measures`',
        ],
      ],
    );

    // Killed with a request in flight, as a crash would leave it.
    const exited = new Promise<NodeJS.Signals | null>((resolve) =>
      first.process.on('exit', (_code, signal) => resolve(signal)),
    );
    const pending = first.connection
      .sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } })
      .then(
        () => 'answered',
        () => 'rejected',
      );
    first.process.kill('SIGKILL');
    assert.equal(await exited, 'SIGKILL');
    // Either it was answered before the kill, or the client gives up on it as it lets go.
    first.connection.dispose();
    assert.ok(['answered', 'rejected'].includes(await pending));

    // What a client does: start the server again and reopen what was open, as it is now.
    const second = await TestClient.start();
    assert.deepEqual(await openReport(second, withoutLessons), beforeCrash);
    assert.equal(await second.stop(), 0);
  },
);

test(
  'a handler that throws: the error is logged, a neutral answer sent, the server serves on',
  HANG,
  async () => {
    const client = await TestClient.start();
    assert.deepEqual(await openReport(client, sample), []);
    // Parameters no client would send make the handlers throw inside.
    const hover = await client.connection.sendRequest(HoverRequest.type, {
      position: { line: 0, character: 0 },
    } as never);
    assert.equal(hover, null);
    const outline = await client.request<OutlineResult>(OUTLINE_REQUEST, null);
    assert.equal(outline, null);
    // Besides the line it logs once initialized (its V8 flags), only the two failures.
    const failures = client.log.filter((line) => !line.startsWith('V8 flags set at start:'));
    assert.deepEqual(
      failures.map((line) => line.split(':')[0]),
      ['textDocument/hover failed', `${OUTLINE_REQUEST.method} failed`],
    );
    assert.match(failures[0]!, /^textDocument\/hover failed: TypeError/);
    // The same server answers the next requests.
    const symbols = await client.connection.sendRequest(DocumentSymbolRequest.type, {
      textDocument: { uri },
    });
    assert.equal(symbols?.length, 1);
    assert.equal(await client.stop(), 0);
  },
);
