/**
 * The publisher keeps nothing of an analysis once its diagnostics are made: a client slow to
 * read leaves messages queued, and each would otherwise hold its report's whole analysis.
 * Whether an object was collected shows only with `--expose-gc`, so the test runs itself again
 * in a process that has it.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { setTimeout as delay } from 'node:timers/promises';
import type { Connection, PublishDiagnosticsParams } from 'vscode-languageserver';
import { defaultConfig } from '../../../server/src/engine/config/defaults';
import { LineIndex } from '../../../server/src/engine/markdown/lines';
import type { Analyzed } from '../../../server/src/lsp/session/analyzed';
import { PositionMapper } from '../../../server/src/lsp/session/positions';
import { Publisher } from '../../../server/src/lsp/session/publisher';
import { coerceSettings } from '../../../server/src/lsp/session/settings';
import { exposedGc } from '../../helpers/exposed-gc';

const gc = exposedGc(import.meta.url, 'publisher');

if (gc !== null) {
  test('publisher: an analysis is garbage while its diagnostics wait to be written', async () => {
    const sent: PublishDiagnosticsParams[] = [];
    /** Messages not written yet: a client that does not read keeps them queued. */
    const queued: (() => void)[] = [];
    const connection = {
      sendDiagnostics: (params: PublishDiagnosticsParams) => {
        sent.push(params);
        return new Promise<void>((resolve) => queued.push(resolve));
      },
      sendNotification: () => Promise.resolve(),
    } as unknown as Connection;
    const text = 'x'.repeat(100_000);
    const analysed: WeakRef<Analyzed>[] = [];
    const publisher = new Publisher(
      connection,
      () => 0,
      (uri) => {
        const analyzed: Analyzed = {
          uri,
          version: 1,
          generation: 0,
          settings: coerceSettings(undefined),
          config: defaultConfig(),
          positions: new PositionMapper(new LineIndex(text), 0),
          analysis: null,
          failure: 'a test failure',
          isPostmortem: false,
        };
        analysed.push(new WeakRef(analyzed));
        return Promise.resolve(analyzed);
      },
      (what, error) => assert.fail(`${what}: ${String(error)}`),
      true,
    );
    // As many documents as an editor restores, so that the code runs as it does in a server.
    const reports = 200;
    for (let i = 0; i < reports; i++) publisher.schedule(`file:///report-${i}.md`, 0);
    while (sent.length < reports) await delay(1);
    assert.equal(sent[0]!.version, 1);
    assert.equal(sent[0]!.diagnostics.length, 1);
    // A WeakRef holds its target until the end of the job that made it.
    await delay(1);
    gc();
    assert.equal(
      analysed.filter((ref) => ref.deref() !== undefined).length,
      0,
      'analyses kept by queued messages',
    );
    for (const write of queued) write();
  });
}
