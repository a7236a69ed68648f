/**
 * The timeline shapes beyond rows, items and lines (SPEC §2): time sub-headings, bracketed
 * times, a date then a time in its own markup, unknown times, day headings, a timeline split
 * over several headings, a bold label for its heading, entries interrupted by a block, and a
 * timeline with no time at all.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { analyze } from '../../../server/src/engine/analyze';
import { defaultConfig } from '../../../server/src/engine/config/defaults';
import type { Analysis } from '../../../server/src/engine/analyze';
import type { Timeline } from '../../../server/src/engine/model';
import { readout } from '../../../server/src/engine/readout';

function analysis(...lines: string[]): Analysis {
  return analyze(`${lines.join('\n')}\n`, defaultConfig());
}

function timeline(...lines: string[]): Timeline {
  const read = analysis(...lines).model.timeline;
  assert.ok(read, 'the document has a timeline');
  return read;
}

/** Entries as `[line, time text, problem, description]`. */
function entries(read: Timeline) {
  return read.entries.map((e) => [e.span.start.line, e.timeText, e.timeProblem, e.description]);
}

function findings(result: Analysis, ruleId: string) {
  return result.findings
    .filter((finding) => finding.ruleId === ruleId)
    .map((finding) => [finding.span.start.line, finding.message, finding.fix !== undefined]);
}

describe('time sub-headings', () => {
  test('are entries holding the content under them; a date alone dates the rows below', () => {
    const read = timeline(
      '## Timeline',
      '',
      '### 2025-06-04',
      '',
      '- 12:50 Deploy starts.',
      '',
      '### 13:06',
      '',
      'Latency alerts fire.',
      '',
      '- a list of the alerts',
      '',
      '### Jun 4 2025 13:20 Failover',
      '',
      '> standby promoted',
      '',
      '#### 13:45',
      '',
      'Back to normal.',
    );
    assert.deepEqual(entries(read), [
      [5, '12:50', null, 'Deploy starts.'],
      [7, '13:06', null, 'Latency alerts fire. a list of the alerts'],
      [13, 'Jun 4 2025 13:20', null, 'Failover standby promoted'],
      [17, '13:45', null, 'Back to normal.'],
    ]);
    assert.deepEqual(
      read.entries.map((e) => [e.span.end.line, e.time?.date]),
      [
        [5, '2025-06-04'],
        [11, '2025-06-04'],
        [15, '2025-06-04'],
        [19, '2025-06-04'],
      ],
    );
  });

  test('out of order, they are found; the sort is not offered for them', () => {
    const result = analysis('## Timeline', '', '### 13:20', '', 'b', '', '### 13:06', '', 'a');
    assert.deepEqual(findings(result, 'timeline-order'), [
      [7, 'Timeline entry `13:06` is earlier than the entry before it (`13:20`)', false],
    ]);
  });
});

describe('times in brackets, and after a date', () => {
  test('`[08:47]` and `- [09:10 UTC]` are times; a link or a marker is not', () => {
    const read = timeline(
      '## Timeline',
      '',
      '[08:47] Alarm.',
      '[08:52](https://example.com/log) Linked.',
      '',
      '- [09:10 UTC] Rolled back.',
      '- [detected] No time.',
    );
    assert.deepEqual(
      read.entries.map((e) => [e.timeText, e.instant]),
      [
        ['08:47', 527],
        ['09:10 UTC', 550],
      ],
    );
  });

  test('`Dec 16th **12:43**` and ``2025-06-05 `00:30` `` are a date and its time', () => {
    const read = timeline(
      '## Timeline',
      '',
      '- Dec 16th **12:43** `@ana` first report',
      '- 2025-12-17 `00:30` second report',
    );
    assert.deepEqual(
      read.entries.map((e) => [e.timeText, e.description, e.time?.minuteOfDay]),
      [
        ['Dec 16th **12:43**', '@ana first report', 763],
        ['2025-12-17 `00:30`', 'second report', 30],
      ],
    );
    assert.deepEqual(
      read.entries.map((e) => e.time?.date),
      ['2025-12-16', '2025-12-17'],
    );
  });
});

describe('unknown times', () => {
  test('`22:XX`, `X` after a date, `[???]` and `??:??` are entries skipped and reported', () => {
    const result = analysis(
      '## Timeline',
      '',
      '- 2024-03-03 21:10 a',
      '- Mar 3 **22:XX** b',
      '- 2024-03-03 X: c',
      '- [???] d',
      '- ??:?? e',
      '- X-ray results came back',
    );
    const read = result.model.timeline!;
    assert.deepEqual(
      read.entries.map((e) => [e.timeText, e.timeProblem, e.instant === null]),
      [
        ['2024-03-03 21:10', null, false],
        ['Mar 3 **22:XX**', 'unknown', true],
        ['2024-03-03 X', 'unknown', true],
        ['???', 'unknown', true],
        ['??:??', 'unknown', true],
      ],
    );
    assert.equal(findings(result, 'timeline-time').length, 4);
  });
});

describe('what a timeline is read from', () => {
  test('day headings at its level continue it, and date its rows', () => {
    const read = timeline(
      '## Timeline',
      '',
      '## July 22, 2025',
      '',
      '- 23:40 a',
      '',
      '## July 23, 2025',
      '',
      '- 01:15 b',
      '',
      '## Root Cause',
      '',
      '- 09:00 not an entry',
    );
    assert.deepEqual(
      read.entries.map((e) => [e.timeText, e.time?.date]),
      [
        ['23:40', '2025-07-22'],
        ['01:15', '2025-07-23'],
      ],
    );
    assert.equal(read.span.end.line, 11);
  });

  test('time headings at its level continue it too, as entries', () => {
    const read = timeline(
      '## Timeline',
      '',
      '## 13:06 Alert',
      '',
      'Latency alerts fire.',
      '',
      '## 13:20',
      '',
      'Cache failed over.',
      '',
      '## Root Cause',
      '',
      'A bad key.',
    );
    assert.deepEqual(entries(read), [
      [3, '13:06', null, 'Alert Latency alerts fire.'],
      [7, '13:20', null, 'Cache failed over.'],
    ]);
  });

  test('a day heading after another section does not join the timeline', () => {
    const read = timeline(
      '## Timeline',
      '',
      '- 10:00 a',
      '',
      '## Notes',
      '',
      '## July 23',
      '',
      '- 11:00 b',
    );
    assert.deepEqual(entries(read), [[3, '10:00', null, 'a']]);
  });

  test('timeline headings beside it are one timeline; under another parent they are not', () => {
    const split = timeline(
      '# Timeline',
      '',
      '- 13:00 a',
      '',
      '# Interlude',
      '',
      '- 13:10 not an entry',
      '',
      '# Timeline',
      '',
      '- 14:10 b',
    );
    assert.deepEqual(
      split.entries.map((e) => e.timeText),
      ['13:00', '14:10'],
    );
    const incidents = timeline(
      '## Incident one',
      '### Timeline',
      '- 18:00 a',
      '## Incident two',
      '### Timeline',
      '- 09:00 b',
    );
    assert.deepEqual(
      incidents.entries.map((e) => e.timeText),
      ['18:00'],
    );
  });

  test('a bold label stands for the heading where there is none, up to the next label', () => {
    const read = timeline(
      '# Outage',
      '',
      '**Timeline:**',
      '',
      '- 06:10 a',
      '- 06:40 b',
      '',
      '**Follow-up**',
      '',
      '- 07:00 not an entry',
    );
    assert.deepEqual(
      read.entries.map((e) => e.timeText),
      ['06:10', '06:40'],
    );
    assert.equal(read.section.heading.text, 'Timeline');
  });

  test('`**Key events**` names the timeline as well', () => {
    const read = timeline(
      '# Outage',
      '',
      'Down.',
      '',
      '**Key events**',
      '',
      '- 06:10 a',
      '- 06:40 b',
    );
    assert.deepEqual(
      read.entries.map((e) => e.timeText),
      ['06:10', '06:40'],
    );
  });
});

describe('entries interrupted by a block', () => {
  test('the code block or quote after an entry, and the text resuming after it, belong to it', () => {
    const read = timeline(
      '## Timeline',
      '',
      '- 10:02 Writes fail with',
      '',
      '```text',
      'No space left on device',
      '```',
      '',
      'which points at the WAL volume.',
      '',
      '- 10:05 Segments removed.',
      '',
      '> Freed 120 GB',
      '',
      'Another paragraph, not part of it.',
    );
    assert.deepEqual(
      read.entries.map((e) => [e.span.start.line, e.span.end.line, e.description]),
      [
        [3, 9, 'Writes fail with which points at the WAL volume.'],
        [11, 13, 'Segments removed.'],
      ],
    );
  });

  test('a block after a note, a table or a prose paragraph belongs to no entry', () => {
    const read = timeline(
      '## Timeline',
      '',
      '- 10:00 a',
      '- a note',
      '',
      '```',
      'log',
      '```',
      '',
      '10:10 b',
      'More on b.',
      '',
      'Prose in between.',
      '',
      '> quoted',
      '',
      '| Time | Event |',
      '| --- | --- |',
      '| 10:20 | c |',
      '',
      '> quoted',
    );
    assert.deepEqual(
      read.entries.map((e) => [e.span.start.line, e.span.end.line]),
      [
        [3, 3],
        [10, 11],
        [19, 19],
      ],
    );
  });

  test('the sort moves the other entries and leaves the interrupted one in place', () => {
    const result = analysis(
      '## Timeline',
      '',
      '- 10:05 b',
      '- 10:01 a',
      '- 09:59 c',
      '',
      '```',
      'log',
      '```',
    );
    const [first, second] = result.findings.filter((f) => f.ruleId === 'timeline-order');
    assert.deepEqual(
      first?.fix?.edits.map((edit) => edit.newText),
      ['- 10:01 a\n- 10:05 b\n- 09:59 c'],
    );
    // The sort leaves `09:59` after `10:05`: it is not offered for that finding.
    assert.equal(second?.fix, undefined);
  });
});

describe('a timeline without times', () => {
  test('takes its list items as entries, says so once, and says why metrics are missing', () => {
    const result = analysis('## Timeline', '', '- The build failed.', '- We retried it.');
    const read = result.model.timeline!;
    assert.deepEqual(entries(read), [
      [3, '', 'untimed', 'The build failed.'],
      [4, '', 'untimed', 'We retried it.'],
    ]);
    assert.deepEqual(findings(result, 'timeline-time'), [
      [
        1,
        'Timeline has 2 entries but none has a time, so it cannot be ordered or measured; start each with a time such as `13:05`',
        false,
      ],
    ]);
    assert.equal(read.unmeasured, 'no entry starts with a time');
    assert.equal(readout(result.model).timeline?.unmeasured, 'no entry starts with a time');
  });

  test('a timeline with times has no reason for missing metrics', () => {
    const read = timeline('## Timeline', '', '- 10:00 a');
    assert.equal(read.unmeasured, null);
    assert.equal(timeline('## Timeline', '', '- ', '- ').entries.length, 0);
    assert.equal(
      timeline('## Timeline', '', 'Nothing yet.').unmeasured,
      'no entry with a readable time',
    );
  });
});
