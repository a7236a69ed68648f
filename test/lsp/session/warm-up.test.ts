/** The idle warm-up: a report that takes the analysis' paths an opened report takes. */
import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { test } from 'node:test';
import {
  WARM_UP_DELAY_MS,
  WARM_UP_ROUNDS,
  warmUp,
  warmUpWhileIdle,
} from '../../../server/src/lsp/session/warm-up';

test('warmUp analyses a report whose timeline rows hold markup, and reads those rows', () => {
  const { model, notices } = warmUp();
  assert.deepEqual(notices, []);
  assert.equal(model.timeline?.entries.length, 60);
  assert.deepEqual(
    model.timeline?.entries.slice(0, 3).map((entry) => entry.marks.map((m) => m.milestone)),
    [['detected'], ['acknowledged'], ['mitigated', 'resolved']],
  );
  // Resolved at the last `[resolved]` row, 12:56.
  assert.equal(model.metrics?.timeToResolve, 56);
});

/** Waits until `done()` holds, checking every few milliseconds, for two seconds at most. */
async function until(done: () => boolean): Promise<void> {
  for (let waited = 0; waited < 2000 && !done(); waited += 5) await sleep(5);
}

test('warmUpWhileIdle analyses WARM_UP_ROUNDS times at most, one a turn, while idle', async () => {
  let asked = 0;
  warmUpWhileIdle(() => {
    asked++;
    return true;
  });
  assert.equal(asked, 0, `nothing runs before ${WARM_UP_DELAY_MS} ms`);
  await until(() => asked >= WARM_UP_ROUNDS);
  await sleep(WARM_UP_DELAY_MS);
  assert.equal(asked, WARM_UP_ROUNDS);
});

test('warmUpWhileIdle stops at the first turn a document is open', async () => {
  let asked = 0;
  // Open from the second turn, before the rounds run out.
  assert.ok(WARM_UP_ROUNDS > 2);
  warmUpWhileIdle(() => ++asked < 2);
  await until(() => asked >= 2);
  await sleep(WARM_UP_DELAY_MS);
  assert.equal(asked, 2);
});
