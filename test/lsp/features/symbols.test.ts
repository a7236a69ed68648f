import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyze } from '../../../server/src/engine/analyze';
import { defaultConfig } from '../../../server/src/engine/config/defaults';
import { headingBlocks } from '../../../server/src/lsp/features/symbols';

test('headingBlocks: each heading runs to the next one of its level or higher', () => {
  const text = [
    '# Report',
    '## A',
    '### A.1',
    '#### A.1.a',
    '### A.2',
    '## B',
    '#### B.x',
    '### B.1',
    '# Appendix',
    '### Log',
    '',
  ].join('\n');
  const lineOf = (offset: number) => text.slice(0, offset).split('\n').length;
  const blocks = headingBlocks(analyze(text, defaultConfig()).model).map(
    (block) => `${block.text}: ${lineOf(block.start)}-${lineOf(block.end)}`,
  );
  assert.deepEqual(blocks, [
    'Report: 1-9',
    'A: 2-6',
    'A.1: 3-5',
    'A.1.a: 4-5',
    'A.2: 5-6',
    'B: 6-9',
    'B.x: 7-8',
    'B.1: 8-9',
    'Appendix: 9-11',
    'Log: 10-11',
  ]);
});
