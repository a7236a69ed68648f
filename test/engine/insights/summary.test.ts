/** A report's summary: what the index, the views and `postmortem-lint report` know of it. */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { analyze } from '../../../server/src/engine/analyze';
import { defaultConfig } from '../../../server/src/engine/config/defaults';
import { summarizeReport } from '../../../server/src/engine/insights/summary';
import type { LintConfig } from '../../../server/src/engine/model';

function summary(text: string, config: Partial<LintConfig> = {}) {
  const full = { ...defaultConfig(), today: '2025-04-10', ...config };
  return summarizeReport(analyze(text, full), full);
}

const TIMELINE = [
  '## Timeline',
  '',
  '- 2025-03-15 12:55 UTC: Monitoring detects DB errors. [detected]',
  '- 2025-03-15 13:00 UTC: On-call acknowledges. [acknowledged]',
  '- 2025-03-15 13:35 UTC: Service restored. [resolved]',
].join('\n');

describe('summarizeReport', () => {
  test('the sample report: its heading for a title, its metrics; no date, as its rows have none', () => {
    const text = readFileSync('examples/sample-postmortem.md', 'utf8');
    const result = summary(text);
    assert.equal(result.title, 'Post-Mortem Report: Login System Outage');
    assert.equal(result.date, null);
    assert.equal(result.month, null);
    assert.deepEqual(result.metrics, {
      timeToDetect: 0,
      timeToAcknowledge: 5,
      timeToMitigate: 20,
      timeToResolve: 40,
    });
    assert.deepEqual(result.findings, { error: 0, warning: 0, info: 0 });
    assert.equal(result.sections.missing, 0);
    assert.equal(result.sections.requiredMissing, 0);
  });

  test('front matter wins: title, id, date, severity and status on their scales', () => {
    const text = [
      '---',
      'title: Login outage',
      'id: INC-42',
      'date: 2025-02-28',
      'severity: Sev 2',
      'status: Final',
      '---',
      '',
      '# Something else',
      '',
      TIMELINE,
      '',
    ].join('\n');
    const result = summary(text);
    assert.equal(result.title, 'Login outage');
    assert.equal(result.id, 'INC-42');
    assert.equal(result.date, '2025-02-28');
    assert.equal(result.month, '2025-02');
    assert.equal(result.severity, 'SEV2');
    assert.equal(result.severityRank, 1);
    assert.equal(result.status, 'final');
  });

  test('values off the configured scales stay as written; a date that is no day is not one', () => {
    const text = '---\nseverity: critical\nstatus: wip\ndate: 2025-02-30\n---\n\n# Outage\n';
    const result = summary(text);
    assert.equal(result.severity, 'critical');
    assert.equal(result.severityRank, null);
    assert.equal(result.status, 'wip');
    assert.equal(result.date, null);
    assert.equal(result.month, null);
    assert.equal(result.metrics, null);
  });

  test('values of another scale that configuration maps are counted under the configured value', () => {
    const text = '---\nseverity: P1\nstatus: wip\n---\n\n# Outage\n';
    const metadata = { ...defaultConfig().metadata, aliases: { P1: 'SEV1', WIP: 'draft' } };
    const result = summary(text, { metadata });
    assert.deepEqual([result.severity, result.status], ['SEV1', 'draft']);
  });

  test('a severity that makes a section optional does not count it as a required one missing', () => {
    const text = '---\nseverity: SEV1\n---\n\n# Outage\n\n' + TIMELINE + '\n';
    const plain = summary(text);
    const relaxed = summary(text, {
      severitySections: { SEV1: { required: [], optional: ['lessons'] } },
    });
    assert.equal(relaxed.sections.requiredMissing, plain.sections.requiredMissing - 1);
    assert.equal(relaxed.sections.missing, plain.sections.missing);
  });

  test('follow-ups with owner, due date, status and overdue; findings counted by severity', () => {
    const text = [
      '# Outage',
      '',
      TIMELINE,
      '',
      '## Action Items',
      '',
      '- [ ] Add config validation @alice due 2025-04-01 (OPS-1)',
      '- [x] Alert on pool usage @bob due 2025-05-01 (OPS-2)',
      '',
    ].join('\n');
    const result = summary(text);
    assert.deepEqual(
      result.followUps.map(({ owner, due, status, overdue }) => ({ owner, due, status, overdue })),
      [
        { owner: '@alice', due: '2025-04-01', status: 'open', overdue: true },
        { owner: '@bob', due: '2025-05-01', status: 'done', overdue: false },
      ],
    );
    assert.equal(result.followUps[0]!.line, 11);
    assert.equal(result.date, '2025-03-15', 'the first dated timeline entry');
    const analysis = analyze(text, { ...defaultConfig(), today: '2025-04-10' });
    const total = result.findings.error + result.findings.warning + result.findings.info;
    assert.equal(total, analysis.findings.length);
    assert.ok(result.findings.warning > 0, 'missing sections are warnings');
  });
});
