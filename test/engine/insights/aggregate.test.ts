/** Many reports' summaries aggregated as `postmortem-lint report --format json` prints them. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import type { AggregatedReport } from '../../../server/src/engine/insights/aggregate';
import { aggregateReports } from '../../../server/src/engine/insights/aggregate';
import { analyze } from '../../../server/src/engine/analyze';
import { defaultConfig } from '../../../server/src/engine/config/defaults';
import { summarizeReport } from '../../../server/src/engine/insights/summary';
import { METRIC_NAMES } from '../../../server/src/engine/model';
import type { Metrics } from '../../../server/src/engine/model';

type FollowUpItem = AggregatedReport['followUps'][number];

function report(fields: Partial<AggregatedReport> & { ttr?: number | null }): AggregatedReport {
  const { ttr, ...rest } = fields;
  const metrics: Metrics | null =
    ttr === undefined
      ? null
      : { timeToDetect: null, timeToAcknowledge: null, timeToMitigate: null, timeToResolve: ttr };
  return { month: null, severity: null, severityRank: null, metrics, followUps: [], ...rest };
}

function followUp(owner: string | null, status: 'open' | 'done', overdue = false): FollowUpItem {
  return { line: 1, text: 'Do it', owner, due: null, status, overdue };
}

const NOTHING = { median: null, p90: null, n: 0 };

describe('aggregateReports', () => {
  test('no report: zero counts, empty groups', () => {
    assert.deepEqual(aggregateReports([]), {
      reports: 0,
      byMonth: [],
      bySeverity: [],
      followUps: { open: 0, overdue: 0, byOwner: [] },
    });
  });

  test('a month: count, and each metric over the reports where it is known', () => {
    // TTR 42, 130, 20 and one unknown: n 3; sorted 20, 42, 130: median 42, p90 rank ⌈2.7⌉ = 3.
    const march = [42, 130, null, 20].map((ttr) => report({ month: '2025-03', ttr }));
    const result = aggregateReports(march);
    assert.deepEqual(result.byMonth, [
      {
        month: '2025-03',
        count: 4,
        timeToDetect: NOTHING,
        timeToAcknowledge: NOTHING,
        timeToMitigate: NOTHING,
        timeToResolve: { median: 42, p90: 130, n: 3 },
      },
    ]);
    // The same reports, without a severity: one null group.
    assert.equal(result.bySeverity.length, 1);
    assert.equal(result.bySeverity[0]!.severity, null);
    assert.equal(result.bySeverity[0]!.count, 4);
  });

  test('keys in the order of SPEC §5: the group, count, then the four metrics', () => {
    const [month] = aggregateReports([report({ month: '2025-03', ttr: 1 })]).byMonth;
    assert.deepEqual(Object.keys(month!), ['month', 'count', ...METRIC_NAMES]);
    const [severity] = aggregateReports([report({ severity: 'SEV1', severityRank: 0 })]).bySeverity;
    assert.deepEqual(Object.keys(severity!), ['severity', 'count', ...METRIC_NAMES]);
    assert.deepEqual(Object.keys(severity!.timeToDetect), ['median', 'p90', 'n']);
  });

  test('months ascending, the reports without a date last', () => {
    const result = aggregateReports([
      report({ month: '2025-03' }),
      report({ month: null }),
      report({ month: '2024-12' }),
      report({ month: '2025-03' }),
    ]);
    assert.deepEqual(
      result.byMonth.map(({ month, count }) => [month, count]),
      [
        ['2024-12', 1],
        ['2025-03', 2],
        [null, 1],
      ],
    );
    assert.equal(result.reports, 4);
  });

  test('severities in scale order, then others by name, then the reports without one', () => {
    const result = aggregateReports([
      report({ severity: 'minor' }),
      report({ severity: 'SEV3', severityRank: 2 }),
      report({ severity: null }),
      report({ severity: 'SEV1', severityRank: 0 }),
      report({ severity: 'critical' }),
      report({ severity: 'SEV3', severityRank: 2 }),
    ]);
    assert.deepEqual(
      result.bySeverity.map(({ severity, count }) => [severity, count]),
      [
        ['SEV1', 1],
        ['SEV3', 2],
        ['critical', 1],
        ['minor', 1],
        [null, 1],
      ],
    );
  });

  test('follow-ups: open ones by owner, overdue among them; done ones not counted; no owner last', () => {
    const result = aggregateReports([
      report({
        followUps: [
          followUp('@alice', 'open', true),
          followUp('@bob', 'open'),
          followUp(null, 'open', true),
          followUp(null, 'open'),
          followUp(null, 'open'),
        ],
      }),
      report({
        followUps: [
          followUp('@alice', 'open'),
          followUp('@carol', 'done'),
          followUp('@bob', 'open', true),
          followUp('@dave', 'open'),
          followUp('@alice', 'done'),
        ],
      }),
    ]);
    assert.deepEqual(result.followUps, {
      open: 8,
      overdue: 3,
      byOwner: [
        // Most open first; @bob and @alice both 2 open, 1 overdue: by name.
        { owner: '@alice', open: 2, overdue: 1 },
        { owner: '@bob', open: 2, overdue: 1 },
        { owner: '@dave', open: 1, overdue: 0 },
        { owner: null, open: 3, overdue: 1 },
      ],
    });
  });

  test('read from analysed reports: front matter date and severity, timeline metrics', () => {
    const config = { ...defaultConfig(), today: '2025-04-10' };
    const text = (date: string, severity: string, resolvedAt: string) =>
      [
        '---',
        `date: ${date}`,
        `severity: ${severity}`,
        '---',
        '',
        '# Outage',
        '',
        '## Timeline',
        '',
        `- ${date} 12:00 UTC: Alert fires. [detected]`,
        `- ${date} ${resolvedAt} UTC: Service restored. [resolved]`,
        '',
        '## Action Items',
        '',
        '- [ ] Add a check (@alice, due 2025-04-01)',
        '',
      ].join('\n');
    const summaries = [
      text('2025-03-02', 'Sev 2', '12:30'),
      text('2025-03-20', 'SEV1', '13:00'),
      text('2025-02-11', 'sev2', '12:10'),
    ].map((report) => summarizeReport(analyze(report, config), config));
    const result = aggregateReports(summaries);
    assert.deepEqual(
      result.byMonth.map(({ month, count, timeToResolve }) => [month, count, timeToResolve]),
      [
        ['2025-02', 1, { median: 10, p90: 10, n: 1 }],
        // 30 and 60 minutes: median (30 + 60) / 2, p90 rank ⌈1.8⌉ = 2.
        ['2025-03', 2, { median: 45, p90: 60, n: 2 }],
      ],
    );
    assert.deepEqual(
      result.bySeverity.map(({ severity, count }) => [severity, count]),
      [
        ['SEV1', 1],
        ['SEV2', 2],
      ],
    );
    assert.deepEqual(result.followUps, {
      open: 3,
      overdue: 3,
      byOwner: [{ owner: '@alice', open: 3, overdue: 3 }],
    });
  });

  test('property: groups partition the reports; each n is the count of known values', () => {
    const arbitrary = fc.record({
      month: fc.constantFrom(null, '2024-01', '2024-02', '2025-11'),
      severity: fc.constantFrom(null, 'SEV1', 'SEV2', 'other'),
      ttr: fc.option(fc.integer({ min: 0, max: 5000 })),
    });
    fc.assert(
      fc.property(fc.array(arbitrary, { maxLength: 30 }), (rows) => {
        const reports = rows.map(({ month, severity, ttr }) =>
          report({
            month,
            severity,
            severityRank: severity === 'SEV1' ? 0 : severity === 'SEV2' ? 1 : null,
            ttr,
          }),
        );
        const result = aggregateReports(reports);
        for (const groups of [result.byMonth, result.bySeverity]) {
          assert.equal(
            groups.reduce((sum, group) => sum + group.count, 0),
            reports.length,
          );
          assert.equal(
            groups.reduce((sum, group) => sum + group.timeToResolve.n, 0),
            rows.filter((row) => row.ttr !== null).length,
          );
          for (const group of groups) {
            const { median, p90, n } = group.timeToResolve;
            assert.equal(median === null, n === 0);
            if (median !== null) assert.ok(median <= p90!);
          }
        }
      }),
    );
  });
});
