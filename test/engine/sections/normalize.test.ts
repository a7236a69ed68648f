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
