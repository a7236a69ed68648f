/** The Incidents view's order, filter and words, decided without VS Code. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  applyFilter,
  filterChoices,
  filterSummary,
  incidentDescription,
  incidentLabel,
  incidentTooltip,
  NO_FILTER,
  sortIncidents,
  viewDescription,
} from '../../../client/src/incidents/rows';
import type { IncidentItem } from '../../../server/src/protocol';
import { incidentItem } from '../../helpers/incident-items';

const incident = incidentItem;

const titles = (incidents: readonly IncidentItem[]) => incidents.map((item) => item.title);

test('sortIncidents: newest first, the same day by title, undated last', () => {
  const sorted = sortIncidents([
    incident('undated b'),
    incident('march', { date: '2025-03-15' }),
    incident('undated a'),
    incident('april b', { date: '2025-04-02' }),
    incident('april a', { date: '2025-04-02' }),
    incident('january', { date: '2025-01-09' }),
  ]);
  assert.deepEqual(titles(sorted), [
    'april a',
    'april b',
    'march',
    'january',
    'undated a',
    'undated b',
  ]);
});

test('sortIncidents: a report without a title sorts by its file name, then by URI', () => {
  const sorted = sortIncidents([
    incident('b', { title: null, date: '2025-03-01' }),
    incident('a', { title: null, date: '2025-03-01' }),
  ]);
  assert.deepEqual(
    sorted.map((item) => incidentLabel(item)),
    ['2025-03-01 — a.md', '2025-03-01 — b.md'],
  );
});

const reports = [
  incident('one', { severity: 'SEV1', status: 'final' }),
  incident('two', { severity: 'SEV2', status: 'draft' }),
  incident('three', { severity: 'SEV1', status: 'draft' }),
  incident('four', { severity: null, status: null }),
];

test('applyFilter: no filter keeps all; each field keeps its values; fields combine', () => {
  assert.deepEqual(titles(applyFilter(reports, NO_FILTER)), ['one', 'two', 'three', 'four']);
  assert.deepEqual(titles(applyFilter(reports, { severity: ['SEV1'], status: [] })), [
    'one',
    'three',
  ]);
  assert.deepEqual(titles(applyFilter(reports, { severity: ['SEV1'], status: ['draft'] })), [
    'three',
  ]);
  // `null` keeps the reports that state none.
  assert.deepEqual(titles(applyFilter(reports, { severity: [null, 'SEV2'], status: [] })), [
    'two',
    'four',
  ]);
});

test('filterChoices: the values present with their counts, none last, kept ones picked', () => {
  assert.deepEqual(filterChoices(reports, 'severity', { severity: ['SEV1'], status: [] }), [
    { value: 'SEV1', label: 'SEV1', description: '2 reports', picked: true },
    { value: 'SEV2', label: 'SEV2', description: '1 report', picked: false },
    { value: null, label: 'no severity', description: '1 report', picked: false },
  ]);
  // A kept value no report has any more is still offered, to be dropped.
  assert.deepEqual(
    filterChoices([reports[0]!], 'status', { severity: [], status: ['draft'] }).map(
      (choice) => `${choice.label} (${choice.description})${choice.picked ? ' picked' : ''}`,
    ),
    ['draft (0 reports) picked', 'final (1 report)'],
  );
  // Severities in the order of their scale, then those off it.
  assert.deepEqual(
    filterChoices(
      [
        incident('a', { severity: 'minor', severityRank: 2 }),
        incident('b', { severity: 'Whatever', severityRank: null }),
        incident('c', { severity: 'critical', severityRank: 0 }),
      ],
      'severity',
      NO_FILTER,
    ).map((choice) => choice.label),
    ['critical', 'minor', 'Whatever'],
  );
  // Numbered values off the scale in their numeric order.
  assert.deepEqual(
    filterChoices(
      [
        incident('a', { severity: 'SEV10', severityRank: null }),
        incident('b', { severity: 'SEV9', severityRank: null }),
      ],
      'severity',
      NO_FILTER,
    ).map((choice) => choice.label),
    ['SEV9', 'SEV10'],
  );
});

test('the view says what it filters and how many it shows', () => {
  assert.equal(filterSummary(NO_FILTER), null);
  assert.equal(viewDescription(4, 4, NO_FILTER), '4 reports');
  assert.equal(viewDescription(1, 1, NO_FILTER), '1 report');
  const filter = { severity: ['SEV1', null], status: ['draft'] };
  assert.equal(filterSummary(filter), 'severity SEV1, no severity · status draft');
  assert.equal(
    viewDescription(1, 4, filter),
    'filtered: severity SEV1, no severity · status draft (1 of 4)',
  );
});

test('a row: date and title, then severity, status, TTD, TTR, open follow-ups, problems', () => {
  const report = incident('Login outage', {
    date: '2025-03-15',
    followUps: [
      {
        line: 30,
        text: 'Alert on pool',
        owner: '@alice',
        due: '2025-04-01',
        status: 'open',
        overdue: true,
      },
      { line: 31, text: 'Runbook', owner: null, due: null, status: 'done', overdue: false },
    ],
    findings: { error: 1, warning: 2, info: 0 },
  });
  assert.equal(incidentLabel(report), '2025-03-15 — Login outage');
  assert.equal(
    incidentDescription(report),
    'SEV2 · resolved · TTD 5m · TTR 1h 5m · 1 follow-up open · 3 problems',
  );
  assert.equal(
    incidentTooltip(report, 'postmortems/Login outage.md'),
    [
      'Login outage',
      'postmortems/Login outage.md',
      '',
      '2025-03-15 · SEV2 · resolved',
      'TTD 5m · TTA 10m · TTM 20m · TTR 1h 5m',
      '',
      'Follow-ups: 1 open (1 overdue) of 2',
      '- Alert on pool (open · @alice · due 2025-04-01, overdue)',
      '- Runbook (done · no owner · no due date)',
      '',
      'Problems: 1 error, 2 warnings',
    ].join('\n'),
  );
});

test('a row of a report that states little: what is missing is said', () => {
  const report = incident('bare', {
    title: null,
    severity: null,
    status: null,
    metrics: null,
    findings: { error: 0, warning: 0, info: 1 },
  });
  assert.equal(incidentLabel(report), 'bare.md');
  assert.equal(
    incidentDescription(report),
    'no date · no severity · no status · no timeline · 0 follow-ups open · 1 problem',
  );
  assert.match(incidentTooltip(report, 'bare.md'), /\nNo timeline: no metrics\.\n/);
  assert.match(
    incidentTooltip(report, 'bare.md'),
    /\nFollow-ups: none\n\nProblems: 1 information$/,
  );
  const marked = incident('partial', {
    metrics: {
      timeToDetect: null,
      timeToAcknowledge: null,
      timeToMitigate: null,
      timeToResolve: 30,
    },
  });
  assert.match(
    incidentDescription(marked),
    / · TTD not marked · TTR 30m · 0 follow-ups open · no problems$/,
  );
});

test('a file name is decoded from its URI', () => {
  const report = incident('x', { uri: 'file:///repo/incidents/2025%20outage.md', title: null });
  assert.equal(incidentLabel(report), '2025 outage.md');
});
