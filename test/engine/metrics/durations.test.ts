import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { formatMetrics } from '../../../server/src/cli/format-stylish';
import { buildModel } from '../../../server/src/engine/analyze';
import { defaultConfig } from '../../../server/src/engine/config/defaults';
import { formatDuration } from '../../../server/src/engine/metrics/durations';
import { readout } from '../../../server/src/engine/readout';
import { metricsSummary } from '../../../server/src/lsp/features/metrics-text';
import { metricValue } from '../../../client/src/metrics-text';
import { metricsConsistency } from '../../../server/src/engine/rules/metrics-consistency';

describe('formatDuration', () => {
  const cases: [number, string][] = [
    [0, '0m'],
    [0.5, '30s'],
    [7, '7m'],
    [7.4, '7m 24s'],
    [60, '1h'],
    [65, '1h 5m'],
    [65.5, '1h 5m 30s'],
    [1440, '1d'],
    [1565, '1d 2h 5m'],
    [3061, '2d 3h 1m'],
    [2 * 1440 + 5, '2d 5m'],
    [-5, '-5m'],
  ];
  for (const [minutes, text] of cases) {
    test(`${minutes} → ${text}`, () => assert.equal(formatDuration(minutes), text));
  }
});

describe('one duration format', () => {
  const text = [
    '## Timeline',
    '',
    '- 2025-03-15 10:00:00 [start] deploy',
    '- 2025-03-15 11:05:30 [detected] errors seen',
    '- 2025-03-16 12:05:00 [resolved] all well',
    '',
    'Time to resolve: 1d 2h',
    '',
  ].join('\n');
  const model = buildModel(text, defaultConfig());

  test('the lens, the CLI, the view and the rule write the same values', () => {
    assert.equal(model.metrics!.timeToDetect, 65.5);
    assert.equal(model.metrics!.timeToResolve, 1565);
    // The lens has the values alone; the CLI says after them why TTA has none.
    const lens = metricsSummary(model);
    const cli = formatMetrics(readout(model));
    assert.equal(cli, `${lens} (TTA: no entry marks acknowledged)`);
    assert.ok(lens.startsWith(`TTD ${metricValue(65.5)} · `), lens);
    assert.ok(lens.includes(`TTR ${metricValue(1565)}`), lens);
    assert.equal(metricValue(65.5), '1h 5m 30s');
    const [finding] = metricsConsistency.check(model, defaultConfig());
    assert.equal(
      finding!.message,
      "Stated time to resolve `1d 2h` differs from the timeline's `1d 2h 5m`",
    );
  });
});
