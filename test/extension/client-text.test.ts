// The client's pure helpers: report file names, metrics text, section progress.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  followUpDescription,
  followUpsMarkdown,
  metricsMarkdown,
  metricValue,
} from '../../client/src/metrics-text';
import { isoDate, reportFileName, slugify } from '../../client/src/report-file';
import { sectionProgress } from '../../client/src/section-progress';
import type { OutlineFollowUp, OutlineSection } from '../../server/src/protocol';

test('isoDate writes the local calendar date', () => {
  assert.equal(isoDate(new Date(2025, 2, 5, 23, 59)), '2025-03-05');
  assert.equal(isoDate(new Date(2026, 11, 31, 0, 0)), '2026-12-31');
});

test('slugify keeps letters and digits, folds accents and case, joins the rest with -', () => {
  assert.equal(slugify('Login System Outage'), 'login-system-outage');
  assert.equal(slugify('  API 503s — Café & Crème!  '), 'api-503s-cafe-creme');
  assert.equal(slugify('Störung im Zahlungsdienst'), 'storung-im-zahlungsdienst');
  assert.equal(slugify('???'), 'incident');
  assert.equal(slugify('x'.repeat(80)), 'x'.repeat(60));
  assert.equal(slugify(`${'a'.repeat(59)} b`), 'a'.repeat(59));
});

test('reportFileName numbers the second and later attempts', () => {
  assert.equal(reportFileName('2025-03-15', 'Login outage'), '2025-03-15-login-outage.md');
  assert.equal(reportFileName('2025-03-15', 'Login outage', 2), '2025-03-15-login-outage-2.md');
});

test('metricValue writes durations as the code lens does, or not marked', () => {
  assert.equal(metricValue(null), 'not marked');
  assert.equal(metricValue(0), '0m');
  assert.equal(metricValue(40), '40m');
  assert.equal(metricValue(65), '1h 5m');
  assert.equal(metricValue(0.5), '30s');
  assert.equal(metricValue(-5), '-5m');
});

test('metricsMarkdown is a table with one row per metric, in SPEC order', () => {
  assert.equal(
    metricsMarkdown({
      timeToDetect: 0,
      timeToAcknowledge: 5,
      timeToMitigate: 20,
      timeToResolve: null,
    }),
    [
      '| Metric | Value | From → to |',
      '|--------|-------|-----------|',
      '| Time to detect (TTD) | 0m | start → detected |',
      '| Time to acknowledge (TTA) | 5m | detected → acknowledged |',
      '| Time to mitigate (TTM) | 20m | start → mitigated |',
      '| Time to resolve (TTR) | not marked | start → resolved |',
      '',
    ].join('\n'),
  );
});

function section(id: string, state: OutlineSection['state'], required = true): OutlineSection {
  const range =
    state === 'missing'
      ? null
      : { start: { line: 0, character: 0 }, end: { line: 0, character: 5 } };
  return { id, title: id, required, state, range };
}

test('sectionProgress counts required sections, and optional ones only when written', () => {
  const progress = sectionProgress([
    section('summary', 'present'),
    section('impact', 'missing'),
    section('timeline', 'empty'),
    section('rca', 'present'),
    section('appendix', 'missing', false),
    section('attendees', 'present', false),
  ]);
  assert.equal(progress.complete, 3);
  assert.equal(progress.total, 5);
  assert.deepEqual(
    progress.missing.map((s) => s.id),
    ['impact'],
  );
  assert.deepEqual(
    progress.empty.map((s) => s.id),
    ['timeline'],
  );
});

test('follow-ups: a line for the view, a table for Copy Metrics (pipes escaped, overdue said)', () => {
  const range = { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } };
  const followUps: OutlineFollowUp[] = [
    {
      text: 'Validate config | units',
      owner: '@alice',
      due: '2025-04-01',
      ticket: 'OPS-1',
      status: 'open',
      overdue: true,
      range,
    },
    {
      text: 'Alert on pool',
      owner: null,
      due: null,
      ticket: null,
      status: 'done',
      overdue: false,
      range,
    },
  ];
  assert.equal(
    followUpDescription(followUps[0]!),
    'open · @alice · due 2025-04-01, overdue · OPS-1',
  );
  assert.equal(followUpDescription(followUps[1]!), 'done · no owner · no due date · no ticket');
  assert.equal(
    followUpsMarkdown(followUps),
    [
      '| Follow-up | Owner | Due | Ticket | Status |',
      '|-----------|-------|-----|--------|--------|',
      '| Validate config \\| units | @alice | 2025-04-01 | OPS-1 | open, overdue |',
      '| Alert on pool | — | — | — | done |',
      '',
    ].join('\n'),
  );
});
