/**
 * The language server over stdio: `postmortem/outline` and `postmortem/outlineChanged`.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { OutlineResult } from '../../../server/src/protocol';
import { OUTLINE_REQUEST } from '../../../server/src/protocol';
import { sample, range, serverSession } from '../../helpers/server-session';

describe('language server over stdio', () => {
  const { client, uri, open } = serverSession();

  test('postmortem/outline: sections in schema order, entries with milestones, metrics', async () => {
    const withEmptyImpact = sample.replace(
      /## 2\. Impact\n[^#]*/,
      '## 2. Impact\n<!-- Who was affected, and how badly? -->\n\n',
    );
    const opened = await open(
      'sample.md',
      withEmptyImpact.slice(0, withEmptyImpact.indexOf('## 7.')),
    );
    const result = await client.request<OutlineResult>(OUTLINE_REQUEST, { uri: opened.uri });
    const heading = (line: number, length: number) => range(line, 0, line, length);
    const entry = (
      line: number,
      time: string,
      description: string,
      milestones: string[],
      inferredFrom: Record<string, string> = {},
    ) => ({
      time,
      description,
      range: range(line, 0, line, 7 + time.length + description.length),
      milestones,
      inferredFrom,
    });
    assert.deepEqual(result, {
      uri: opened.uri,
      isPostmortem: true,
      sections: [
        {
          id: 'summary',
          title: 'Summary',
          required: true,
          state: 'present',
          range: heading(2, 13),
        },
        { id: 'impact', title: 'Impact', required: true, state: 'empty', range: heading(5, 12) },
        {
          id: 'timeline',
          title: 'Timeline',
          required: true,
          state: 'present',
          range: heading(8, 14),
        },
        {
          id: 'rca',
          title: 'Root Cause Analysis',
          required: true,
          state: 'present',
          range: heading(18, 25),
        },
        {
          id: 'resolution',
          title: 'Resolution & Recovery',
          required: true,
          state: 'present',
          range: heading(22, 27),
        },
        {
          id: 'prevention',
          title: 'Preventative Measures',
          required: true,
          state: 'present',
          range: heading(29, 27),
        },
        { id: 'lessons', title: 'Lessons Learned', required: true, state: 'missing', range: null },
      ],
      timeline: [
        entry(
          11,
          '12:55 PM',
          'Automated monitoring detects increased DB errors.',
          ['start', 'detected'],
          { detected: 'monitor' },
        ),
        entry(12, '1:00 PM', 'PagerDuty alert sent to on-call engineers.', ['acknowledged'], {
          acknowledged: 'on-call',
        }),
        entry(13, '1:10 PM', 'Engineers identify high DB connection usage.', []),
        entry(14, '1:15 PM', 'Temporary fix applied (manually restarted DB).', ['mitigated'], {
          mitigated: 'temporary fix',
        }),
        entry(15, '1:30 PM', 'Permanent fix implemented (optimized DB queries).', []),
        entry(16, '1:35 PM', 'Issue marked as resolved.', ['resolved'], { resolved: 'resolved' }),
      ],
      // The sample's follow-ups are ticked off (✅): done, with nothing else said.
      followUps: [
        'Set up alerts for high DB connection usage.',
        'Optimize SQL queries to reduce load.',
        'Improve auto-scaling rules.',
      ].map((text, index) => ({
        text,
        owner: null,
        due: null,
        ticket: null,
        status: 'done',
        overdue: false,
        range: range(30 + index, 0, 30 + index, `- ✅ ${text}`.length),
      })),
      metrics: { timeToDetect: 0, timeToAcknowledge: 5, timeToMitigate: 20, timeToResolve: 40 },
      metricNotes: {
        timeToDetect: { minutes: 0, gap: null, inferredFrom: ['monitor'] },
        timeToAcknowledge: { minutes: 5, gap: null, inferredFrom: ['monitor', 'on-call'] },
        timeToMitigate: { minutes: 20, gap: null, inferredFrom: ['temporary fix'] },
        timeToResolve: { minutes: 40, gap: null, inferredFrom: ['resolved'] },
      },
    });
  });

  test('postmortem/outlineChanged: sent after each analysis', async () => {
    const documentUri = uri('sample.md');
    const changed = client.outlineChanged(documentUri);
    await client.open(documentUri, sample);
    assert.deepEqual(await changed, { uri: documentUri });
  });
});
