import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { buildModel } from '../../../server/src/engine/analyze';
import { defaultConfig } from '../../../server/src/engine/config/defaults';

const report = (summary: string[], timeline: string[]) =>
  buildModel(
    [
      '## Summary',
      '',
      ...summary,
      '',
      '## Timeline',
      '',
      ...timeline.map((row) => `- ${row}`),
      '',
    ].join('\n'),
    defaultConfig(),
  );

const dated = [
  '2025-04-01 16:00 UTC Pull request opened',
  '2025-04-02 09:10 UTC Release promoted to production',
  '2025-04-02 09:25 UTC Alert fired on error rate',
  '2025-04-02 09:50 UTC Errors resolved after the revert',
];

describe('milestones stated in the summary', () => {
  test('a labelled start wins over a background row days before', () => {
    const m = report(['A bad release broke uploads.', '', 'Start: 2025-04-02 09:10 UTC'], dated);
    assert.equal(m.statedMilestones.start?.text, '2025-04-02 09:10 UTC');
    assert.equal(m.milestones.start, null);
    assert.deepEqual(m.metrics, {
      timeToDetect: 15,
      timeToAcknowledge: null,
      timeToMitigate: 40,
      timeToResolve: 40,
    });
  });

  test('without it, the first row makes the start', () => {
    const m = report(['A bad release broke uploads.'], dated);
    assert.equal(m.metrics!.timeToDetect, 17 * 60 + 25);
  });

  test('labels in bold or a list, a time without a date on the timeline’s day and zone', () => {
    const m = report(
      ['- **Incident start:** 09:10', '- **Detected at:** 09:20', '- Resolved: 09:45'],
      dated,
    );
    assert.deepEqual(Object.keys(m.statedMilestones), ['start', 'detected', 'resolved']);
    assert.deepEqual(m.metrics, {
      timeToDetect: 10,
      timeToAcknowledge: null,
      timeToMitigate: 35,
      timeToResolve: 35,
    });
  });

  test('an undated timeline: the stated time on its one day', () => {
    const m = report(
      ['Started at: 10:05'],
      ['10:00 Deploy', '10:15 Alert fired', '10:45 Resolved'],
    );
    assert.equal(m.metrics!.timeToDetect, 10);
    assert.equal(m.metrics!.timeToResolve, 40);
  });

  test('an explicit marker in the timeline wins over the summary', () => {
    const m = report(
      ['Start: 2025-04-02 09:00 UTC', 'Detected: 2025-04-02 09:12 UTC'],
      [
        '2025-04-02 09:10 UTC Release promoted (problem started)',
        '2025-04-02 09:25 UTC Error rate seen [detected]',
        '2025-04-02 09:50 UTC Revert done [resolved]',
      ],
    );
    assert.deepEqual(m.statedMilestones, {});
    assert.equal(m.metrics!.timeToDetect, 15);
  });

  test('a label whose value is not a time states nothing', () => {
    const m = report(['Start: Wednesday, 2025-04-02', 'Detection: an alert on errors'], dated);
    assert.deepEqual(m.statedMilestones, {});
  });

  test('the window of a summary sentence: its start, and its end as the resolution', () => {
    const m = report(
      ['On 2025-04-02 between 09:10 and 09:45 UTC, uploads failed for every user.'],
      dated,
    );
    assert.equal(m.statedMilestones.start?.text, '09:10');
    assert.equal(m.statedMilestones.resolved?.text, '09:45 UTC');
    assert.equal(m.metrics!.timeToDetect, 15);
    assert.equal(m.metrics!.timeToResolve, 35);
  });

  test('a window as a range, and one that a labelled line overrides', () => {
    const range = report(['Uploads failed from 09:10–09:40 UTC on 2025-04-02.'], dated);
    assert.equal(range.metrics!.timeToResolve, 30);
    const labelled = report(
      ['Between 09:00 and 09:45 UTC uploads failed.', '', 'Start: 2025-04-02 09:10 UTC'],
      dated,
    );
    assert.equal(labelled.metrics!.timeToDetect, 15);
    assert.equal(labelled.metrics!.timeToResolve, 35);
  });

  test('a window of dates alone, or words, states nothing', () => {
    for (const sentence of [
      'Between April 1 and April 2, 2025, uploads failed.',
      'From the logs, errors ran between two and five percent.',
    ]) {
      assert.deepEqual(report([sentence], dated).statedMilestones, {}, sentence);
    }
  });

  test('front matter: YAML and TOML fields, over the summary', () => {
    const body = [
      '## Summary',
      '',
      'Start: 2025-04-02 09:00 UTC',
      '',
      '## Timeline',
      '',
      ...dated.map((row) => `- ${row}`),
      '',
    ];
    const yaml = buildModel(
      [
        '---',
        'started: 2025-04-02 09:10 UTC',
        'detected_at: 2025-04-02 09:20 UTC',
        '---',
        '',
        ...body,
      ].join('\n'),
      defaultConfig(),
    );
    assert.equal(yaml.statedMilestones.start?.text, 'started: 2025-04-02 09:10 UTC');
    assert.equal(yaml.metrics!.timeToDetect, 10);
    assert.equal(yaml.metrics!.timeToResolve, 40);
    const toml = buildModel(
      [
        '+++',
        'incident_start = 2025-04-02T09:10:00Z',
        'resolved = 2025-04-02T09:45:00Z',
        '+++',
        '',
        ...body,
      ].join('\n'),
      defaultConfig(),
    );
    assert.equal(toml.metrics!.timeToDetect, 15);
    assert.equal(toml.metrics!.timeToResolve, 35);
  });
});
