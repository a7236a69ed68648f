/** The idle warm-up: a report that takes the analysis' paths an opened report takes. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { warmUp } from '../../../server/src/lsp/session/warm-up';

test('warmUp analyses a report whose timeline rows hold markup, and reads those rows', () => {
  const { model, notices } = warmUp();
  assert.deepEqual(notices, []);
  assert.equal(model.timeline?.entries.length, 3);
  assert.deepEqual(
    model.timeline?.entries.map((entry) => entry.marks.map((mark) => mark.milestone)),
    [['detected'], ['acknowledged'], ['mitigated', 'resolved']],
  );
});
