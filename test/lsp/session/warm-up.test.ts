/** The idle warm-up: a report that takes the analysis' paths an opened report takes. */
import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { test } from 'node:test';
import {
  WARM_UP_DELAY_MS,
  WARM_UP_ROUNDS,
  WARM_UP_ROWS,
  warmUp,
  warmUpWhileIdle,
} from '../../../server/src/lsp/session/warm-up';

test('warmUp analyses a report whose timeline rows hold markup, and reads those rows', () => {
  const { model, notices } = warmUp();
  assert.deepEqual(notices, []);
  assert.equal(model.timeline?.entries.length, WARM_UP_ROWS);
  assert.deepEqual(
    model.timeline?.entries.slice(0, 3).map((entry) => entry.marks.map((m) => m.milestone)),
    [['detected'], ['acknowledged'], ['mitigated', 'resolved']],
  );
  // A row a minute from 12:00, resolved at the last `[resolved]` row (every sixth from the third).
  const lastResolved = WARM_UP_ROWS - 1 - ((WARM_UP_ROWS - 3) % 6);
  assert.equal(model.metrics?.timeToResolve, lastResolved);
});

/** Waits until `done()` holds, checking every few milliseconds, for two seconds at most. */
async function until(done: () => boolean): Promise<void> {
  for (let waited = 0; waited < 2000 && !done(); waited += 5) await sleep(5);
}

test('warmUpWhileIdle analyses WARM_UP_ROUNDS times, one a turn, while idle, then collects once', async () => {
  let asked = 0;
  let collected = 0;
  warmUpWhileIdle(
    () => {
      asked++;
      return true;
    },
    () => collected++,
  );
  assert.equal(asked, 0, `nothing runs before ${WARM_UP_DELAY_MS} ms`);
  await until(() => collected > 0);
  await sleep(WARM_UP_DELAY_MS);
  // Asked before each round and before the collection.
  assert.equal(asked, WARM_UP_ROUNDS + 1);
  assert.equal(collected, 1);
});

test('warmUpWhileIdle stops at the first turn a document is open', async () => {
  let asked = 0;
  // Open from the second turn, before the rounds run out.
  assert.ok(WARM_UP_ROUNDS > 2);
  let collected = 0;
  warmUpWhileIdle(
    () => ++asked < 2,
    () => collected++,
  );
  await until(() => asked >= 2);
  await sleep(WARM_UP_DELAY_MS);
  assert.equal(asked, 2);
  assert.equal(collected, 0, 'no collection after a warm-up cut short');
});
