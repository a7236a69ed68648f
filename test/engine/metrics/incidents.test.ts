import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyze } from '../../../server/src/engine/analyze';
import { defaultConfig } from '../../../server/src/engine/config/defaults';
import { metricsLine, metricNotes } from '../../../server/src/engine/metrics/explain';

const nothing = {
  timeToDetect: null,
  timeToAcknowledge: null,
  timeToMitigate: null,
  timeToResolve: null,
};

test('incident sub-headings in the timeline: no metrics across them, and a notice', () => {
  const { model, notices } = analyze(
    [
      '## Timeline',
      '',
      '### Incident 1: queue stalled',
      '',
      '- 10:00 Queue stalls',
      '- 10:20 Alert fired',
      '- 10:40 Workers restarted',
      '',
      '### Incident 2: disk full',
      '',
      '- 18:00 Disk fills up',
      '- 18:30 Resolved after cleanup',
      '',
    ].join('\n'),
    defaultConfig(),
  );
  assert.deepEqual(model.incidents, ['Incident 1: queue stalled', 'Incident 2: disk full']);
  assert.deepEqual(model.metrics, nothing);
  assert.match(notices.at(-1)!.message, /holds 2 incidents .*not computed across them/);
  assert.equal(
    metricsLine(metricNotes(model)!),
    'TTD — · TTA — · TTM — · TTR — (several incidents, never summed)',
  );
});

test('an incident heading each with its own timeline', () => {
  const { model } = analyze(
    [
      '# Two outages',
      '',
      '## First outage',
      '',
      '### Timeline',
      '',
      '- 10:00 Deploy',
      '- 10:20 Alert fired',
      '',
      '## Second outage',
      '',
      '### Timeline',
      '',
      '- 11:00 Deploy again',
      '',
    ].join('\n'),
    defaultConfig(),
  );
  assert.deepEqual(model.incidents, ['First outage', 'Second outage']);
  assert.deepEqual(model.metrics, nothing);
});

test('one incident: day sub-headings, or one incident heading, measure as ever', () => {
  const { model, notices } = analyze(
    [
      '## Incident 1',
      '',
      '## Timeline',
      '',
      '### 2025-05-01',
      '',
      '- 23:40 Deploy',
      '- 23:50 Alert fired',
      '',
      '### 2025-05-02',
      '',
      '- 00:30 Resolved',
      '',
    ].join('\n'),
    defaultConfig(),
  );
  assert.deepEqual(model.incidents, []);
  assert.equal(model.metrics!.timeToResolve, 50);
  assert.deepEqual(notices, []);
});
