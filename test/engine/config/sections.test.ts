/** Schema edits in a configuration change which findings a document gets. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { analyze } from '../../../server/src/engine/analyze';
import { resolveConfig } from '../../../server/src/engine/config/resolve';

/** A report with a team's own headings: "Why It Broke" for the root cause, no lessons. */
const DOC = `# Post-Mortem: Queue backlog

## Summary

The billing queue backed up for an hour.

## Timeline

| Time (UTC) | Event |
|------------|-------|
| 10:00 | Alert fired for queue depth [detected] |
| 10:05 | On-call engineer acknowledged [ack] |
| 11:00 | Consumers restarted, backlog drained [resolved] |

## Impact

Invoices were sent an hour late.

## Why It Broke

- **What broke:** A consumer deadlocked on a poisoned message.
- **Supporting Evidence:** [Consumer logs](https://logs.example.com/q/123).

## Resolution

Consumers were restarted with the poisoned message skipped.

## Prevention

- [x] Dead-letter poisoned messages.
`;

/** `rule: message` of each structural finding under a configuration given as JSON. */
function structural(config: object): string[] {
  const resolved = resolveConfig(JSON.stringify(config), '/repo/.postmortemrc.json');
  assert.deepEqual(resolved.problems, []);
  return analyze(DOC, resolved.config)
    .findings.filter((f) => f.ruleId === 'required-sections' || f.ruleId === 'section-order')
    .map((f) => `${f.ruleId}: ${f.message}`);
}

const missing = (title: string) => (line: string) =>
  line.startsWith('required-sections: ') && line.includes(`\`${title}\``);

describe('schema edits in a configuration', () => {
  test('defaults: Root Cause Analysis and Lessons Learned are missing, Impact is late', () => {
    const found = structural({});
    assert.equal(found.length, 3, found.join('\n'));
    assert.ok(found.some(missing('Root Cause Analysis')));
    assert.ok(found.some(missing('Lessons Learned')));
    assert.ok(found.some((line) => line.startsWith('section-order: ') && line.includes('Impact')));
  });

  test('addAliases: "Why It Broke" is the root cause analysis', () => {
    const found = structural({ addAliases: { rca: ['Why It Broke'] } });
    assert.ok(!found.some(missing('Root Cause Analysis')), found.join('\n'));
    assert.equal(found.length, 2);
  });

  test('aliases in a section object do the same', () => {
    const found = structural({
      sections: [
        'summary',
        'impact',
        'timeline',
        { id: 'rca', aliases: ['Why It Broke'] },
        'resolution',
        'prevention',
        'lessons',
      ],
    });
    assert.ok(!found.some(missing('Root Cause Analysis')), found.join('\n'));
  });

  test('rename: the section is written under its new title, and matched by it', () => {
    const renamed = structural({
      sections: [
        'summary',
        'impact',
        'timeline',
        { id: 'rca', title: 'Why It Broke' },
        'resolution',
        'prevention',
        'lessons',
      ],
    });
    assert.ok(
      !renamed.some(missing('Root Cause Analysis')) && !renamed.some(missing('Why It Broke')),
    );
    const other = structural({
      sections: [
        'summary',
        'impact',
        'timeline',
        { id: 'rca', title: 'Causal Analysis', aliases: [] },
        'resolution',
        'prevention',
        'lessons',
      ],
    });
    assert.ok(other.some(missing('Causal Analysis')), other.join('\n'));
  });

  test('optional: a missing optional section is not reported', () => {
    const found = structural({ optional: ['lessons'] });
    assert.ok(!found.some(missing('Lessons Learned')), found.join('\n'));
    assert.ok(found.some(missing('Root Cause Analysis')));
  });

  test('required: false in a section object does the same', () => {
    const found = structural({
      sections: [
        'summary',
        'impact',
        'timeline',
        'rca',
        'resolution',
        'prevention',
        { id: 'lessons', required: false },
      ],
    });
    assert.ok(!found.some(missing('Lessons Learned')), found.join('\n'));
  });

  test('drop: sections not listed are not expected', () => {
    const found = structural({
      sections: ['summary', 'impact', 'timeline', 'resolution', 'prevention'],
    });
    assert.ok(
      !found.some(missing('Root Cause Analysis')) && !found.some(missing('Lessons Learned')),
    );
  });

  test('reorder: the timeline before the impact is then in order', () => {
    const found = structural({
      addAliases: { rca: ['Why It Broke'] },
      optional: ['lessons'],
      sections: ['summary', 'timeline', 'impact', 'rca', 'resolution', 'prevention', 'lessons'],
    });
    assert.deepEqual(found, []);
  });

  test('add: a new required section is reported missing with its title', () => {
    const found = structural({
      sections: [
        'summary',
        'impact',
        'timeline',
        'rca',
        'resolution',
        'prevention',
        'lessons',
        { id: 'attendees', title: 'Attendees' },
      ],
    });
    assert.ok(found.some(missing('Attendees')), found.join('\n'));
  });

  test("rules: a severity changes the findings' severity, off removes them", () => {
    const config = (rules: object) => resolveConfig(JSON.stringify({ rules }), '/r.json').config;
    const severities = analyze(DOC, config({ 'required-sections': 'error' }))
      .findings.filter((f) => f.ruleId === 'required-sections')
      .map((f) => f.severity);
    assert.deepEqual(severities, ['error', 'error']);
    const off = analyze(
      DOC,
      config({ 'required-sections': 'off', 'section-order': 'info' }),
    ).findings;
    assert.ok(!off.some((f) => f.ruleId === 'required-sections'));
    assert.deepEqual(
      off.filter((f) => f.ruleId === 'section-order').map((f) => f.severity),
      ['info'],
    );
  });
});
