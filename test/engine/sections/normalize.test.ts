import assert from 'node:assert/strict';
import { test } from 'node:test';
import { normalizeHeading } from '../../../server/src/engine/sections/normalize';
import { parseMarkdown } from '../../../server/src/engine/markdown/parse';

test('normalizeHeading drops markup, pictographs, enumerators and parentheticals', () => {
  assert.equal(normalizeHeading('✅ 4. Root Cause Analysis (RCA)'), 'root cause analysis');
  assert.equal(normalizeHeading('5. Resolution & Recovery'), 'resolution and recovery');
  assert.equal(normalizeHeading('IV. Impact:'), 'impact');
  assert.equal(parseMarkdown('# x').children.length, 1);
});

test('normalizeHeading drops trailing parentheticals and punctuation in any mix, in one scan', () => {
  assert.equal(normalizeHeading('Impact (customers). [draft]:'), 'impact');
  assert.equal(normalizeHeading('(RCA)'), '');
  // A bracket that closes nothing, or opens nothing, stays.
  assert.equal(normalizeHeading('Impact)'), 'impact)');
  assert.equal(normalizeHeading('Impact (a (b)'), 'impact (a');
  // A heading of 400,000 `()` costs its length (the repeated pattern was quadratic: minutes).
  assert.equal(normalizeHeading(`Impact${' ()'.repeat(130_000)}`), 'impact');
  assert.equal(normalizeHeading(`Impact ${')'.repeat(400_000)}`), `impact ${')'.repeat(400_000)}`);
});
