import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { buildModel } from '../../../server/src/engine/analyze';
import { defaultConfig } from '../../../server/src/engine/config/defaults';
import type { LintConfig, Timeline } from '../../../server/src/engine/model';
import { parseMarkdown } from '../../../server/src/engine/markdown/parse';
import { standard } from '../../../server/src/engine/sections/presets/standard';
import { findSections } from '../../../server/src/engine/sections/match';
import { LineIndex } from '../../../server/src/engine/markdown/lines';
import { readTimeline } from '../../../server/src/engine/timeline/read';
import { timelineScope } from '../../../server/src/engine/timeline/scope';
import { formatNowLike } from '../../../server/src/engine/timeline/format';
import { corpusDir, repoRoot } from '../../helpers/paths';

const dfds = join(corpusDir, 'dfds-postmortems');

function timelineOf(text: string, config: LintConfig = defaultConfig()): Timeline {
  const lines = new LineIndex(text);
  const tree = parseMarkdown(text);
  const scope = timelineScope(tree, findSections(tree, standard, lines), standard, lines);
  assert.ok(scope, 'the document has a timeline');
  return readTimeline(scope, lines, config);
}

/** Entries as `[time text, problem, description]`. */
function rows(timeline: Timeline) {
  return timeline.entries.map((e) => [e.timeText, e.timeProblem, e.description]);
}

/** Instants relative to the first entry's. */
function steps(timeline: Timeline) {
  const first = timeline.entries.find((e) => e.instant !== null)!.instant!;
  return timeline.entries.map((e) => (e.instant === null ? null : e.instant - first));
}

const epochMinutes = (iso: string) => Date.parse(iso) / 60_000;

describe('the seed sample', () => {
  const text = readFileSync(join(repoRoot, 'examples', 'sample-postmortem.md'), 'utf8');
  const timeline = timelineOf(text);

  test('reads the 12-hour table with its `Time (UTC)` header', () => {
    assert.equal(timeline.twelveHour, true);
    assert.deepEqual(rows(timeline), [
      ['12:55 PM', null, 'Automated monitoring detects increased DB errors.'],
      ['1:00 PM', null, 'PagerDuty alert sent to on-call engineers.'],
      ['1:10 PM', null, 'Engineers identify high DB connection usage.'],
      ['1:15 PM', null, 'Temporary fix applied (manually restarted DB).'],
      ['1:30 PM', null, 'Permanent fix implemented (optimized DB queries).'],
      ['1:35 PM', null, 'Issue marked as resolved.'],
    ]);
    assert.deepEqual(
      timeline.entries.map((e) => e.instant),
      [775, 780, 790, 795, 810, 815],
    );
  });

  test('gives each reading its zone, and positions of the row and the time', () => {
    const first = timeline.entries[0]!;
    const offset = text.indexOf('| 12:55 PM');
    const row = '| 12:55 PM | Automated monitoring detects increased DB errors. |';
    assert.equal(text.slice(offset, offset + row.length + 1), `${row}\n`);
    assert.deepEqual(first.span, {
      start: { line: 14, column: 1, offset },
      end: { line: 14, column: row.length + 1, offset: offset + row.length },
    });
    assert.deepEqual(first.time, {
      text: '12:55 PM',
      span: {
        start: { line: 14, column: 3, offset: offset + 2 },
        end: { line: 14, column: 11, offset: offset + 10 },
      },
      date: null,
      minuteOfDay: 775,
      meridiem: true,
      zone: 'UTC',
      zoneOffset: 0,
      approximate: false,
      rangeEndMinuteOfDay: null,
      zoneProblem: null,
    });
    assert.equal(first.timeSpan, first.time!.span);
  });
});

describe('entry shapes', () => {
  test("a table row's time ends where its reading does, or with its cell", () => {
    const text = [
      '## Timeline',
      '',
      '| Time | Event |',
      '|---|---|',
      '| 10:07 UTC, roughly | Paged |',
      '| 10:09 then | Joined |',
      '| **2025-03-15 later** | Unreadable |',
      '',
    ].join('\n');
    const timeline = timelineOf(text);
    assert.deepEqual(
      timeline.entries.map((e) => [e.timeText, e.timeSpan!.start.column, e.timeSpan!.end.column]),
      [
        ['10:07 UTC', 3, 12],
        ['10:09', 3, 8],
        ['2025-03-15 later', 5, 21],
      ],
    );
  });

  test('list items with bold, code and separators', () => {
    const timeline = timelineOf(
      [
        '## Timeline',
        '',
        '- 10:00 - Alert fired',
        '- **10:05**: On-call engineer joined',
        '- `10:07` — Rolled back the *deploy*',
        '* 10:09 | Error rate [back to normal](https://example.com)',
        '',
        '1. 10:10 Resolved',
        '2. Nothing at this time',
        '',
      ].join('\n'),
    );
    assert.deepEqual(rows(timeline), [
      ['10:00', null, 'Alert fired'],
      ['10:05', null, 'On-call engineer joined'],
      ['10:07', null, 'Rolled back the deploy'],
      ['10:09', null, 'Error rate back to normal'],
      ['10:10', null, 'Resolved'],
    ]);
    assert.deepEqual(steps(timeline), [0, 5, 7, 9, 10]);
    const bold = timeline.entries[1]!;
    assert.deepEqual(
      [
        bold.span.start.line,
        bold.span.start.column,
        bold.timeSpan!.start.column,
        bold.timeSpan!.end.column,
      ],
      [4, 1, 5, 10],
    );
  });

  test('nested lists: a date item dates the items below it', () => {
    const timeline = timelineOf(
      [
        '## Timeline',
        '',
        '- **2026-03-02**',
        '  - 23:50 Deploy started',
        '  - 23:58 Errors climb',
        '- Tuesday 2026-03-03',
        '  - 00:10 Rolled back',
        '- 00:20 Incident closed',
        '  - 00:21 Status page updated',
        '',
      ].join('\n'),
    );
    assert.deepEqual(
      timeline.entries.map((e) => [e.timeText, e.time?.date]),
      [
        ['23:50', '2026-03-02'],
        ['23:58', '2026-03-02'],
        ['00:10', '2026-03-03'],
        ['00:20', '2026-03-03'],
        ['00:21', '2026-03-03'],
      ],
    );
    assert.deepEqual(steps(timeline), [0, 8, 20, 30, 31]);
    assert.equal(timeline.entries[0]!.instant, epochMinutes('2026-03-02T23:50:00Z'));
    // An item whose nested items are entries ends with its own line.
    const parent = timeline.entries[3]!;
    assert.deepEqual([parent.span.start.line, parent.span.end.line], [8, 8]);
    const leaf = timeline.entries[0]!;
    assert.deepEqual([leaf.span.start.line, leaf.span.start.column], [4, 3]);
  });

  test('lines of a paragraph, with continuation lines', () => {
    const timeline = timelineOf(
      [
        '## Timeline',
        '',
        '10:00 Alert fired',
        '10:05 - Engineer paged',
        'and acknowledged quickly',
        '**10:10:** Fixed',
        '',
      ].join('\n'),
    );
    assert.deepEqual(rows(timeline), [
      ['10:00', null, 'Alert fired'],
      ['10:05', null, 'Engineer paged and acknowledged quickly'],
      ['10:10', null, 'Fixed'],
    ]);
    assert.deepEqual(
      timeline.entries.map((e) => [e.span.start.line, e.span.end.line]),
      [
        [3, 3],
        [4, 5],
        [6, 6],
      ],
    );
  });

  test('the time column by its header, and a separate date column', () => {
    const whenColumn = timelineOf(
      ['## Timeline', '', '| Event | **When** |', '|---|---|', '| Alert | 10:00 |', ''].join('\n'),
    );
    assert.deepEqual(rows(whenColumn), [['10:00', null, 'Alert']]);
    const dateAndTime = timelineOf(
      [
        '## Timeline',
        '',
        '| Date | Time | Event |',
        '|---|---|---|',
        '| 2025-03-15 | 23:50 | Deploy |',
        '| | 00:10 | Rollback |',
        '',
      ].join('\n'),
    );
    assert.deepEqual(
      dateAndTime.entries.map((e) => [e.timeText, e.time?.date, e.description]),
      [
        ['23:50', '2025-03-15', 'Deploy'],
        ['00:10', '2025-03-16', 'Rollback'],
      ],
    );
    assert.deepEqual(steps(dateAndTime), [0, 20]);
  });

  test('rows without a time: an empty cell is unreadable, an empty row is no entry', () => {
    const timeline = timelineOf(
      [
        '## Timeline',
        '',
        '| Time | Event |',
        '|---|---|',
        '| 10:00 | Alert |',
        '| | Engineers investigate |',
        '|  |  |',
        '',
      ].join('\n'),
    );
    assert.deepEqual(rows(timeline), [
      ['10:00', null, 'Alert'],
      ['', 'unreadable', 'Engineers investigate'],
    ]);
    assert.equal(timeline.entries[1]!.timeSpan, null);
    assert.equal(timeline.entries[1]!.instant, null);
  });

  test("a row's time as read: approximate, a range's end, AM/PM and its zone", () => {
    const timeline = timelineOf(
      [
        '## Timeline',
        '',
        '| Time | Event |',
        '|---|---|',
        '| ~13:05 - 13:40 UTC | Checkout degraded |',
        '| 1:50 PM UTC | Rolled back |',
        '',
      ].join('\n'),
    );
    assert.deepEqual(
      timeline.entries.map(({ time }) => [
        time?.minuteOfDay,
        time?.approximate,
        time?.rangeEndMinuteOfDay,
        time?.meridiem,
        time?.zone,
      ]),
      [
        [785, true, 820, false, 'UTC'],
        [830, false, null, true, 'UTC'],
      ],
    );
  });
});

describe('time problems', () => {
  test('unknown, unreadable and a date alone', () => {
    const timeline = timelineOf(
      [
        '## Timeline',
        '',
        '| Time | Event |',
        '|---|---|',
        '| 2021-12-10 | Vulnerability published |',
        '| 15:40 | We became aware |',
        '| --:-- | Something happened |',
        '| TBD | Something else |',
        '| yesterday | Vague |',
        '| 2024-03-13 HH:mm | Template left in |',
        '',
        '- ??:?? - unknown in a list',
        '- HH:mm - template in a list',
        '- 5 nodes went down',
        '',
      ].join('\n'),
    );
    assert.deepEqual(rows(timeline), [
      ['2021-12-10', null, 'Vulnerability published'],
      ['15:40', null, 'We became aware'],
      ['--:--', 'unknown', 'Something happened'],
      ['TBD', 'unknown', 'Something else'],
      ['yesterday', 'unreadable', 'Vague'],
      ['2024-03-13 HH:mm', 'unreadable', 'Template left in'],
      ['??:??', 'unknown', 'unknown in a list'],
      ['HH:mm', 'unreadable', 'template in a list'],
    ]);
    assert.deepEqual(
      timeline.entries.map((e) => e.instant),
      [null, epochMinutes('2021-12-10T15:40:00Z'), null, null, null, null, null, null],
    );
    assert.equal(timeline.entries[1]!.time?.date, '2021-12-10');
  });

  test('a time without AM/PM in a 12-hour timeline is ambiguous, read nearest after', () => {
    const timeline = timelineOf(
      [
        '## Timeline',
        '',
        '| Time | Event |',
        '|---|---|',
        '| 12:55 PM | Alert |',
        '| 1:00 | Paged |',
        '| 13:10 | Fixed |',
        '| 1:20 PM | Resolved |',
        '',
      ].join('\n'),
    );
    assert.equal(timeline.twelveHour, true);
    assert.deepEqual(
      timeline.entries.map((e) => [e.timeText, e.timeProblem, e.time?.minuteOfDay]),
      [
        ['12:55 PM', null, 775],
        ['1:00', 'ambiguous', 780],
        ['13:10', null, 790],
        ['1:20 PM', null, 800],
      ],
    );
  });

  test('24-hour timelines have no ambiguous times', () => {
    const timeline = timelineOf('## Timeline\n\n- 1:00 a\n- 2:00 b\n');
    assert.equal(timeline.twelveHour, false);
    assert.deepEqual(
      timeline.entries.map((e) => e.timeProblem),
      [null, null],
    );
  });
});

describe('dates and midnight', () => {
  test('rows without dates cross midnight on a step back of more than 12 hours', () => {
    const timeline = timelineOf('## Timeline\n\n- 23:50 a\n- 00:10 b\n- 00:05 c\n- 11:00 d\n');
    assert.deepEqual(
      timeline.entries.map((e) => e.instant),
      [1430, 1450, 1445, 2100],
    );
    assert.deepEqual(
      timeline.entries.map((e) => e.time?.date),
      [null, null, null, null],
    );
  });

  test('a row that takes its date from the row above crosses midnight too', () => {
    const timeline = timelineOf(
      [
        '## Timeline',
        '',
        '| Time | Event |',
        '|---|---|',
        '| 2025-03-15 23:50 | a |',
        '| 00:10 | b |',
        '| 2025-03-15 23:55 | c |',
        '',
      ].join('\n'),
    );
    assert.deepEqual(
      timeline.entries.map((e) => e.time?.date),
      ['2025-03-15', '2025-03-16', '2025-03-15'],
    );
    assert.deepEqual(steps(timeline), [0, 20, 5]);
  });

  test('sub-heading dates, which are never moved', () => {
    const timeline = timelineOf(
      [
        '## Timeline',
        '',
        '### 2026-03-02',
        '',
        '| Time | Event |',
        '|---|---|',
        '| 23:50 | Deploy |',
        '',
        '### Tuesday 2026-03-03',
        '',
        '- 00:10 Rollback',
        '',
        '### 2026-03-01',
        '',
        '- 09:00 Written under the wrong day',
        '',
      ].join('\n'),
    );
    assert.deepEqual(
      timeline.entries.map((e) => e.time?.date),
      ['2026-03-02', '2026-03-03', '2026-03-01'],
    );
    assert.deepEqual(steps(timeline), [0, 20, -2330]);
  });

  test('month names take the year of the date above', () => {
    const timeline = timelineOf(
      '## Timeline\n\n### 2025-03-14\n\n- Mar 15, 13:05 a\n- 15 March 2025 1:05 PM b\n',
    );
    assert.deepEqual(
      timeline.entries.map((e) => [e.time?.date, e.time?.minuteOfDay]),
      [
        ['2025-03-15', 785],
        ['2025-03-15', 785],
      ],
    );
  });
});

describe('zones', () => {
  const at = (text: string) =>
    timelineOf(`## Timeline\n\n${text}\n`).entries.map((e) => [
      e.time?.zone,
      e.time?.zoneOffset,
      e.instant,
    ]);

  test('a note in the section', () => {
    assert.deepEqual(at('All times are CET.\n\n- 2025-03-15 10:00 a'), [
      ['CET', 60, epochMinutes('2025-03-15T09:00:00Z')],
    ]);
    assert.deepEqual(at('- 2025-03-15 10:00 a\n\nAll times in UTC.'), [
      ['UTC', 0, epochMinutes('2025-03-15T10:00:00Z')],
    ]);
  });

  test('the row wins over the column header, which wins over the note', () => {
    const timeline = timelineOf(
      [
        '## Timeline',
        '',
        'All times in CET.',
        '',
        '| **Time (UTC)** | Event |',
        '|---|---|',
        '| 2025-03-15 10:00 | a |',
        '| 2025-03-15 10:00 (UTC+2) | b |',
        '',
        '- 2025-03-15 10:00 c',
        '',
      ].join('\n'),
    );
    assert.deepEqual(
      timeline.entries.map((e) => [e.time?.zone, e.time?.zoneOffset]),
      [
        ['UTC', 0],
        ['UTC+2', 120],
        ['CET', 60],
      ],
    );
  });

  test('a sub-heading note, the section heading, and configuration', () => {
    const sub = timelineOf('## Timeline\n\n### Day 1 (all times EET)\n\n- 10:00 a\n');
    assert.deepEqual([sub.entries[0]!.time?.zone, sub.entries[0]!.instant], ['EET', 480]);
    const heading = timelineOf('## Timeline (UTC)\n\n- 10:00 a\n');
    assert.equal(heading.entries[0]!.time?.zone, 'UTC');
    const configured = timelineOf('## Timeline\n\n- 2025-07-01 10:00 a\n', {
      ...defaultConfig(),
      timeZone: 'Europe/Copenhagen',
    });
    assert.deepEqual(
      [configured.entries[0]!.time?.zone, configured.entries[0]!.time?.zoneOffset],
      ['Europe/Copenhagen', 120],
    );
    const none = timelineOf('## Timeline\n\n- 10:00 a\n');
    assert.deepEqual([none.entries[0]!.time?.zone, none.entries[0]!.instant], [null, 600]);
  });

  test('rows with and without their own zone share one axis', () => {
    const rows = '- 2025-07-04 10:00 PDT a\n- 10:05 b\n- 17:10 UTC c';
    assert.deepEqual(at(`All times in UTC.\n\n${rows}`), [
      ['PDT', -420, epochMinutes('2025-07-04T17:00:00Z')],
      ['UTC', 0, epochMinutes('2025-07-04T10:05:00Z')],
      ['UTC', 0, epochMinutes('2025-07-04T17:10:00Z')],
    ]);
    // With no note, rows without a zone take the one zone the other rows write.
    assert.deepEqual(at('- 2025-07-04 10:00 PDT a\n- 10:05 b\n- 10:20 PDT c'), [
      ['PDT', -420, epochMinutes('2025-07-04T17:00:00Z')],
      ['PDT', -420, epochMinutes('2025-07-04T17:05:00Z')],
      ['PDT', -420, epochMinutes('2025-07-04T17:20:00Z')],
    ]);
    const configured = timelineOf(
      '## Timeline\n\n- 2025-07-04 10:00 PDT a\n- 10:05 UTC b\n- 10:10 c\n',
      {
        ...defaultConfig(),
        timeZone: 'CET',
      },
    );
    assert.deepEqual(
      configured.entries.map((e) => e.time?.zone),
      ['PDT', 'UTC', 'CET'],
    );
  });

  test('the date of the row, or of the timeline, decides the offset of a zone with DST', () => {
    assert.deepEqual(at('- 2025-07-04 10:00 ET a\n- 2025-12-04 10:00 ET b'), [
      ['ET', -240, epochMinutes('2025-07-04T14:00:00Z')],
      ['ET', -300, epochMinutes('2025-12-04T15:00:00Z')],
    ]);
    assert.deepEqual(at('### 2025-01-10\n\n- 10:00 America/New_York a'), [
      ['America/New_York', -300, epochMinutes('2025-01-10T15:00:00Z')],
    ]);
  });

  test('an unknown zone keeps its text and no offset, placed in the timeline zone', () => {
    const timeline = timelineOf('## Timeline\n\nAll times in CET.\n\n- 2025-01-10 10:00 (QRS) a\n');
    const [entry] = timeline.entries;
    assert.deepEqual(
      [entry!.time?.zone, entry!.time?.zoneOffset, entry!.time?.zoneProblem, entry!.instant],
      ['QRS', null, { kind: 'unknown' }, epochMinutes('2025-01-10T09:00:00Z')],
    );
  });
});

describe('a note giving the day of undated rows', () => {
  const dates = (text: string) =>
    timelineOf(`## Timeline\n\n${text}\n`).entries.map((e) => [e.time?.date, e.instant]);

  test('undated rows are on the note day, a row that writes its own date keeps it', () => {
    assert.deepEqual(
      dates(
        'Unless otherwise noted all events happened on 2019-10-21, and all times are in UTC.\n\n- 2019-10-20 00:55 builds fail\n- 01:38 alerts fire\n- 23:50 c\n- 00:10 d',
      ),
      [
        ['2019-10-20', epochMinutes('2019-10-20T00:55:00Z')],
        ['2019-10-21', epochMinutes('2019-10-21T01:38:00Z')],
        ['2019-10-21', epochMinutes('2019-10-21T23:50:00Z')],
        ['2019-10-22', epochMinutes('2019-10-22T00:10:00Z')],
      ],
    );
  });

  test('a day without a year takes the year of the rows; dated sub-headings still set the date', () => {
    assert.deepEqual(
      dates('Times below are for March 3 (UTC).\n\n- 2025-03-02 23:00 a\n- 01:38 b'),
      [
        ['2025-03-02', epochMinutes('2025-03-02T23:00:00Z')],
        ['2025-03-03', epochMinutes('2025-03-03T01:38:00Z')],
      ],
    );
    assert.deepEqual(
      dates('All times are UTC on 2023-01-07.\n\n- 10:00 a\n\n### 2023-01-08\n\n- 09:00 b'),
      [
        ['2023-01-07', epochMinutes('2023-01-07T10:00:00Z')],
        ['2023-01-08', epochMinutes('2023-01-08T09:00:00Z')],
      ],
    );
  });
});

describe('positions', () => {
  test('CRLF text gives exact lines, columns and offsets', () => {
    const text = [
      '# Report',
      '',
      '## Timeline',
      '',
      '| Time | Event |',
      '|------|-------|',
      '| 10:00 | Alert |',
      '|  **10:05** | Fixed |',
      '',
      '- 10:07 - Closed',
      '',
    ].join('\r\n');
    const timeline = timelineOf(text);
    const second = timeline.entries[1]!;
    const rowStart = text.indexOf('|  **10:05**');
    assert.equal(text.slice(rowStart + 22, rowStart + 24), '\r\n');
    assert.deepEqual(second.span, {
      start: { line: 8, column: 1, offset: rowStart },
      end: { line: 8, column: 23, offset: rowStart + 22 },
    });
    assert.deepEqual(second.timeSpan, {
      start: { line: 8, column: 6, offset: rowStart + 5 },
      end: { line: 8, column: 11, offset: rowStart + 10 },
    });
    const item = timeline.entries[2]!;
    const itemStart = text.indexOf('- 10:07');
    assert.deepEqual(item.timeSpan, {
      start: { line: 10, column: 3, offset: itemStart + 2 },
      end: { line: 10, column: 8, offset: itemStart + 7 },
    });
    assert.equal(text.slice(item.span.start.offset, item.span.end.offset), '- 10:07 - Closed');
  });
});

describe('the DFDS corpus', () => {
  test('`PM2023-001 - Total node failure.md`: the 11:07 row after the 11:08 row', () => {
    const text = readFileSync(join(dfds, 'PM2023-001 - Total node failure.md'), 'utf8');
    const timeline = timelineOf(text);
    assert.equal(timeline.entries.length, 16);
    const i = timeline.entries.findIndex((e) => e.timeText === '2023-02-14 11:07');
    const [before, row] = [timeline.entries[i - 1]!, timeline.entries[i]!];
    assert.equal(before.timeText, '2023-02-14 11:08');
    assert.equal(row.instant! - before.instant!, -1);
    assert.equal(row.instant, epochMinutes('2023-02-14T11:07:00Z'));
    const offset = text.indexOf('| 2023-02-14 11:07') + 2;
    assert.deepEqual(row.timeSpan, {
      start: { line: 27, column: 3, offset },
      end: { line: 27, column: 19, offset: offset + 16 },
    });
    assert.deepEqual([row.time?.zone, row.time?.date], ['UTC', '2023-02-14']);
  });

  test('`PMyyyy-nnn - Postmortem template.md`: `20xx-MM-DD HH:mm` is unreadable', () => {
    const text = readFileSync(join(dfds, 'PMyyyy-nnn - Postmortem template.md'), 'utf8');
    const timeline = timelineOf(text);
    assert.equal(timeline.entries.length, 1);
    const [entry] = timeline.entries;
    assert.deepEqual(
      [entry!.timeText, entry!.timeProblem, entry!.time, entry!.instant, entry!.description],
      ['20xx-MM-DD HH:mm', 'unreadable', null, null, 'Short event description'],
    );
    assert.deepEqual(
      [entry!.timeSpan!.start.line, entry!.timeSpan!.start.column, entry!.timeSpan!.end.column],
      [11, 3, 19],
    );
  });

  test('`PM2019-009`: the `Date and Time in CET` header and a `--:--` row', () => {
    const text = readFileSync(
      join(dfds, 'PM2019-009 - Kubernetes network infrastructure IP starvation.md'),
      'utf8',
    );
    const timeline = timelineOf(text);
    const unknown = timeline.entries.filter((e) => e.timeProblem !== null);
    assert.deepEqual(
      unknown.map((e) => [e.timeText, e.timeProblem]),
      [['2019-12-03 --:--', 'unknown']],
    );
    assert.equal(timeline.entries[0]!.time?.zone, 'CET');
  });
});

describe('formatNowLike', () => {
  const now = new Date('2025-03-15T13:40:07Z');
  const format = (text: string) => formatNowLike(timelineOf(text), now);

  test('12-hour like the seed sample', () => {
    const text = readFileSync(join(repoRoot, 'examples', 'sample-postmortem.md'), 'utf8');
    assert.equal(formatNowLike(timelineOf(text), now), '1:40 PM');
  });

  test('dates, seconds, zones and styles', () => {
    assert.equal(
      format('## Timeline\n\nAll times in UTC.\n\n- 2023-02-14 11:07 a\n'),
      '2025-03-15 13:40',
    );
    assert.equal(
      format('## Timeline\n\nAll times in CET.\n\n- 2023-02-14 11:07 a\n'),
      '2025-03-15 14:40',
    );
    assert.equal(format('## Timeline\n\n- 2025-03-15T13:05:30Z a\n'), '2025-03-15T13:40:07Z');
    assert.equal(format('## Timeline\n\n- 09:05 CET a\n'), '14:40 CET');
    assert.equal(format('## Timeline\n\n- 9:05pm UTC a\n'), '1:40pm UTC');
    assert.equal(format('## Timeline\n\n- Mar 14, 09:05 (UTC+2) a\n'), 'Mar 15, 15:40 (UTC+2)');
    assert.equal(
      format('## Timeline\n\n- 14 March 2025 1:05 p.m. UTC a\n'),
      '15 March 2025 1:40 p.m. UTC',
    );
    // A date, then its time in markup: the date's style, the time's.
    assert.equal(
      format('## Timeline\n\n- March 14 2025 **9:05 pm** a\n'),
      'March 15, 2025 1:40 pm',
    );
  });

  test('a timeline without times writes `HH:mm` in its zone', () => {
    assert.equal(format('## Timeline\n\n| Time (UTC) | Event |\n|---|---|\n'), '13:40');
    assert.equal(format('## Timeline\n\nAll times in EET.\n'), '15:40');
  });
});

describe('pathological timelines are read in one pass', () => {
  // No timing assertions: these would hang with backtracking patterns.
  test('an event of thousands of lines, and thousands of paragraphs under a time heading', () => {
    const line = 'Some words of the event, and more words.';
    const lines = timelineOf(`## Timeline\n\n13:06 start\n${`${line}\n`.repeat(4_000)}`);
    const heading = timelineOf(`## Timeline\n\n### 13:06\n\n${`${line}\n\n`.repeat(4_000)}`);
    for (const timeline of [lines, heading]) {
      assert.equal(timeline.entries.length, 1);
      assert.ok(timeline.entries[0]!.description.length > 4_000 * line.length);
    }
  });

  test('a line of 30,000 times, and runs of brackets, digits and colons', () => {
    const timeline = timelineOf(
      [
        '## Timeline',
        '',
        `- ${'12:00 '.repeat(30_000)}`,
        `- 12:01 ${'['.repeat(30_000)}`,
        `- 12:02 ${'[a]('.repeat(10_000)}`,
        '',
        `| Time | Event |\n|---|---|\n| ${'1:'.repeat(30_000)} | ${'9'.repeat(30_000)} |`,
        '',
      ].join('\n'),
    );
    assert.deepEqual(
      timeline.entries.map((e) => [e.timeText.slice(0, 8), e.timeProblem]),
      [
        ['12:00', null],
        ['12:01', null],
        ['12:02', null],
        ['1:1:1:1:', 'unreadable'],
      ],
    );
  });
});

test('descriptions leave out HTML comments', () => {
  const text = [
    '## Timeline',
    '| Time | Event |',
    '|---|---|',
    '| 10:00 | Alert fired <!-- postmortem-disable-line timeline-order --> |',
    '',
    '- 10:05 Rollback <!-- postmortem-disable-line placeholder -->',
  ].join('\n');
  const model = buildModel(text, defaultConfig());
  assert.deepEqual(
    model.timeline!.entries.map((entry) => entry.description),
    ['Alert fired', 'Rollback'],
  );
});
