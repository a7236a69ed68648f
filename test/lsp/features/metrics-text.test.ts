import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildModel } from '../../../server/src/engine/analyze';
import { defaultConfig } from '../../../server/src/engine/config/defaults';
import { startInstant } from '../../../server/src/lsp/features/inlay-hints';
import {
  breakdownText,
  guessNotes,
  metricsBreakdown,
  metricsSummary,
  missingNotes,
} from '../../../server/src/lsp/features/metrics-text';

const model = buildModel(
  [
    '## Summary',
    '',
    'Incident start: 10:05',
    '',
    '## Timeline',
    '',
    '- 09:00 Change reviewed',
    '- 10:15 Alert fired on latency',
    '- 10:40 Config reverted [mitigated]',
    '',
  ].join('\n'),
  defaultConfig(),
);

test('a stated start: the breakdown names the summary line, the hints count from it', () => {
  const breakdown = metricsBreakdown(model);
  assert.deepEqual(breakdown?.spans[0], {
    metric: 'timeToDetect',
    title: 'TTD 10m',
    span: 'start → detected',
    bounds: {
      from: 'start 10:05 (stated in the summary)',
      to: 'detected 10:15 “Alert fired on latency” (guessed from `alert`)',
    },
    advice: null,
    endLine: 7,
  });
  assert.equal(
    breakdownText(breakdown),
    [
      'Metrics from the timeline:',
      '- TTD 10m: start 10:05 (stated in the summary) → detected 10:15 “Alert fired on latency” (guessed from `alert`)',
      '- TTA not computed (Acknowledged: not marked — add [acknowledged] to an entry)',
      '- TTM 35m: start 10:05 (stated in the summary) → mitigated 10:40 “Config reverted [mitigated]”',
      '- TTR not computed (Resolved: not marked — add [resolved] to an entry)',
    ].join('\n'),
  );
  assert.equal(startInstant(model), 10 * 60 + 5);
});

test('the lens line: values alone, guesses starred; the advice and the words for its tooltip', () => {
  assert.equal(
    metricsSummary(model),
    'TTD 10m* · TTA — · TTM 35m · TTR — (* guessed from keywords)',
  );
  assert.deepEqual(missingNotes(model), [
    'Acknowledged: not marked — add [acknowledged] to an entry',
    'Resolved: not marked — add [resolved] to an entry',
  ]);
  assert.deepEqual(guessNotes(model), ['TTD: guessed from `alert`']);
});
