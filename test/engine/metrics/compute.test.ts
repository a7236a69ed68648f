import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { buildModel } from '../../../server/src/engine/analyze';
import { defaultConfig } from '../../../server/src/engine/config/defaults';
import { computeMetrics } from '../../../server/src/engine/metrics/compute';
import { repoRoot } from '../../helpers/paths';

const metricsOf = (text: string) => buildModel(text, defaultConfig()).metrics;
const list = (...items: string[]) => `## Timeline\n\n${items.map((i) => `- ${i}`).join('\n')}\n`;

describe('computeMetrics', () => {
  test('the seed sample: TTD 0, TTA 5, TTM 20, TTR 40', () => {
    const text = readFileSync(join(repoRoot, 'examples', 'sample-postmortem.md'), 'utf8');
    assert.deepEqual(metricsOf(text), {
      timeToDetect: 0,
      timeToAcknowledge: 5,
      timeToMitigate: 20,
      timeToResolve: 40,
    });
  });

  test('with no mitigation entry, mitigation is the resolution', () => {
    assert.deepEqual(metricsOf(list('10:00 Deploy', '10:07 Alert fired', '10:45 Resolved')), {
      timeToDetect: 7,
      timeToAcknowledge: null,
      timeToMitigate: 45,
      timeToResolve: 45,
    });
  });

  test('fractional minutes where seconds are given', () => {
    const metrics = metricsOf(
      list('10:00:00 Deploy', '10:00:30 Alert fired', '10:01:50 On-call joined', '10:03:20 Fixed'),
    );
    assert.deepEqual(metrics, {
      timeToDetect: 0.5,
      timeToAcknowledge: 80 / 60,
      timeToMitigate: 10 / 3,
      timeToResolve: 10 / 3,
    });
  });

  test('across midnight, days and zones', () => {
    assert.equal(metricsOf(list('23:50 Deploy', '00:10 Resolved'))!.timeToResolve, 20);
    assert.equal(
      metricsOf(list('2025-03-15 23:00 CET Deploy', '2025-03-16 01:00 EET Resolved'))!
        .timeToResolve,
      60,
    );
  });

  test('null ends, and no timeline at all', () => {
    assert.deepEqual(metricsOf(list('10:00 Deploy')), {
      timeToDetect: null,
      timeToAcknowledge: null,
      timeToMitigate: null,
      timeToResolve: null,
    });
    assert.equal(metricsOf('# Report\n\n## Summary\n\nText.\n'), null);
  });

  test('reads instants from the entries the milestones name', () => {
    const model = buildModel(list('10:00 a', '10:30 b', '11:00 c'), defaultConfig());
    const metrics = computeMetrics(model.timeline!, {
      start: 0,
      detected: 1,
      acknowledged: null,
      mitigated: 2,
      resolved: 2,
    });
    assert.deepEqual(metrics, {
      timeToDetect: 30,
      timeToAcknowledge: null,
      timeToMitigate: 60,
      timeToResolve: 60,
    });
  });
});
