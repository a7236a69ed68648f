import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  dayNumber,
  findDate,
  isoDate,
  looksLikeTime,
  readTime,
  type DateParts,
} from '../../../server/src/engine/timeline/times';
import {
  findHeaderZone,
  findZoneNote,
  zoneOffset,
} from '../../../server/src/engine/timeline/zones';

/** The fields of a reading that the table below states. */
function reading(text: string): Reading | null {
  const time = readTime(text);
  if (!time) return null;
  return {
    used: text.slice(0, time.end),
    date: time.date,
    minute: time.minuteOfDay,
    meridiem: time.meridiem,
    zone: time.zone,
    offset: time.zoneOffset,
    approximate: time.approximate,
    rangeEnd: time.rangeEndMinuteOfDay,
    unknown: time.unknown,
  };
}

interface Reading {
  used: string;
  date: DateParts | null;
  minute: number | null;
  meridiem: boolean;
  zone: string | null;
  offset: number | null;
  approximate: boolean;
  rangeEnd: number | null;
  unknown: boolean;
}

const base: Omit<Reading, 'used' | 'minute'> = {
  date: null,
  meridiem: false,
  zone: null,
  offset: null,
  approximate: false,
  rangeEnd: null,
  unknown: false,
};
const march15 = { year: 2025, month: 3, day: 15 };

describe('readTime reads every form of SPEC §2', () => {
  const cases: [string, Partial<Reading> & Pick<Reading, 'used' | 'minute'>][] = [
    ['13:05', { used: '13:05', minute: 785 }],
    ['13:05:30', { used: '13:05:30', minute: 785.5 }],
    ['1:05 PM', { used: '1:05 PM', minute: 785, meridiem: true }],
    ['1:05pm', { used: '1:05pm', minute: 785, meridiem: true }],
    ['12:55 PM', { used: '12:55 PM', minute: 775, meridiem: true }],
    ['12:10 AM', { used: '12:10 AM', minute: 10, meridiem: true }],
    ['1 PM', { used: '1 PM', minute: 780, meridiem: true }],
    ['9:15 a.m.', { used: '9:15 a.m.', minute: 555, meridiem: true }],
    ['2025-03-15 13:05', { used: '2025-03-15 13:05', minute: 785, date: march15 }],
    ['2025/03/15 13:05', { used: '2025/03/15 13:05', minute: 785, date: march15 }],
    [
      '2025-03-15T13:05:30Z',
      { used: '2025-03-15T13:05:30Z', minute: 785.5, date: march15, zone: 'Z', offset: 0 },
    ],
    [
      '2025-03-15T13:05+01:00',
      { used: '2025-03-15T13:05+01:00', minute: 785, date: march15, zone: '+01:00', offset: 60 },
    ],
    [
      '2025-03-15T13:05-05:00',
      { used: '2025-03-15T13:05-05:00', minute: 785, date: march15, zone: '-05:00', offset: -300 },
    ],
    [
      'Mar 15, 13:05',
      { used: 'Mar 15, 13:05', minute: 785, date: { year: null, month: 3, day: 15 } },
    ],
    [
      '15 March 2025 1:05 PM',
      { used: '15 March 2025 1:05 PM', minute: 785, date: march15, meridiem: true },
    ],
    [
      'March 15, 2025 1:05 PM',
      { used: 'March 15, 2025 1:05 PM', minute: 785, date: march15, meridiem: true },
    ],
    [
      '2021-12-10   15:40',
      { used: '2021-12-10   15:40', minute: 940, date: { year: 2021, month: 12, day: 10 } },
    ],
    [
      '2024-04-09 8:40',
      { used: '2024-04-09 8:40', minute: 520, date: { year: 2024, month: 4, day: 9 } },
    ],
    ['2026-03-02', { used: '2026-03-02', minute: null, date: { year: 2026, month: 3, day: 2 } }],
    [
      'Tuesday 2026-03-03',
      { used: 'Tuesday 2026-03-03', minute: null, date: { year: 2026, month: 3, day: 3 } },
    ],
    ['13:05 UTC', { used: '13:05 UTC', minute: 785, zone: 'UTC', offset: 0 }],
    ['13:05Z', { used: '13:05Z', minute: 785, zone: 'Z', offset: 0 }],
    ['13:05 CET', { used: '13:05 CET', minute: 785, zone: 'CET', offset: 60 }],
    ['13:05 CEST', { used: '13:05 CEST', minute: 785, zone: 'CEST', offset: 120 }],
    ['13:05 PDT', { used: '13:05 PDT', minute: 785, zone: 'PDT', offset: -420 }],
    ['13:05 (UTC+2)', { used: '13:05 (UTC+2)', minute: 785, zone: 'UTC+2', offset: 120 }],
    ['13:05 GMT-5', { used: '13:05 GMT-5', minute: 785, zone: 'GMT-5', offset: -300 }],
    ['13:05 UTC+5:30', { used: '13:05 UTC+5:30', minute: 785, zone: 'UTC+5:30', offset: 330 }],
    ['13:05 +01:00', { used: '13:05 +01:00', minute: 785, zone: '+01:00', offset: 60 }],
    ['13:05+0100', { used: '13:05+0100', minute: 785, zone: '+0100', offset: 60 }],
    ['13:05 ET', { used: '13:05 ET', minute: 785, zone: 'ET', offset: null }],
    ['~10:45', { used: '~10:45', minute: 645, approximate: true }],
    ['10:45~', { used: '10:45~', minute: 645, approximate: true }],
    ['approx. 10:45', { used: 'approx. 10:45', minute: 645, approximate: true }],
    ['around 10:45', { used: 'around 10:45', minute: 645, approximate: true }],
    ['10:45 (approx.)', { used: '10:45 (approx.)', minute: 645, approximate: true }],
    [
      '~2025-03-03 19:30',
      {
        used: '~2025-03-03 19:30',
        minute: 1170,
        approximate: true,
        date: { year: 2025, month: 3, day: 3 },
      },
    ],
    ['09:00 - 11:00', { used: '09:00 - 11:00', minute: 540, rangeEnd: 660 }],
    ['09:00–11:00', { used: '09:00–11:00', minute: 540, rangeEnd: 660 }],
    [
      '09:00–11:00 UTC',
      { used: '09:00–11:00 UTC', minute: 540, rangeEnd: 660, zone: 'UTC', offset: 0 },
    ],
    ['1 PM to 2 PM', { used: '1 PM to 2 PM', minute: 780, rangeEnd: 840, meridiem: true }],
    [
      '2022-08-03 12:26-12:??',
      { used: '2022-08-03 12:26-12:??', minute: 746, date: { year: 2022, month: 8, day: 3 } },
    ],
    ['--:--', { used: '--:--', minute: null, unknown: true }],
    ['??:??', { used: '??:??', minute: null, unknown: true }],
    ['TBD', { used: 'TBD', minute: null, unknown: true }],
    ['14:??', { used: '14:??', minute: null, unknown: true }],
    [
      '2019-12-03 --:--',
      {
        used: '2019-12-03 --:--',
        minute: null,
        unknown: true,
        date: { year: 2019, month: 12, day: 3 },
      },
    ],
    ['2022-02-?? ??:??', { used: '2022-02-?? ??:??', minute: null, unknown: true }],
    ['14h02', { used: '14h02', minute: 842 }],
    ['17:14pm', { used: '17:14pm', minute: 1034 }],
    ['7:01am', { used: '7:01am', minute: 421, meridiem: true }],
    ['2:02 p.m.', { used: '2:02 p.m.', minute: 842, meridiem: true }],
    ['7.30pm', { used: '7.30pm', minute: 1170, meridiem: true }],
    ['noon', { used: 'noon', minute: 720 }],
    ['Midnight', { used: 'Midnight', minute: 0 }],
    ['12 noon', { used: '12 noon', minute: 720 }],
    ['ca. 18:30', { used: 'ca. 18:30', minute: 1110, approximate: true }],
    ['15.26', { used: '15.26', minute: 926 }],
    [
      '2022-02-02 1625',
      { used: '2022-02-02 1625', minute: 985, date: { year: 2022, month: 2, day: 2 } },
    ],
    [
      '2022-02-02 0457Z',
      {
        used: '2022-02-02 0457Z',
        minute: 297,
        date: { year: 2022, month: 2, day: 2 },
        zone: 'Z',
        offset: 0,
      },
    ],
    ['22:XX', { used: '22:XX', minute: null, unknown: true }],
    ['24:XX', { used: '24:XX', minute: null, unknown: true }],
    ['XX:XX', { used: 'XX:XX', minute: null, unknown: true }],
    [
      '2022-02-02 X',
      { used: '2022-02-02 X', minute: null, unknown: true, date: { year: 2022, month: 2, day: 2 } },
    ],
    ['15-03-2025 13:05', { used: '15-03-2025 13:05', minute: 785, date: march15 }],
    ['15.03.2025', { used: '15.03.2025', minute: null, date: march15 }],
    ['15.03.2025 13:05', { used: '15.03.2025 13:05', minute: 785, date: march15 }],
    [
      '03/15/2025 1:05 PM',
      { used: '03/15/2025 1:05 PM', minute: 785, date: march15, meridiem: true },
    ],
    ['15/03/2025 13:05', { used: '15/03/2025 13:05', minute: 785, date: march15 }],
    ['15-Mar-2025 13:05', { used: '15-Mar-2025 13:05', minute: 785, date: march15 }],
    ['19. April', { used: '19. April', minute: null, date: { year: null, month: 4, day: 19 } }],
    [
      '19. April 2025 10:00',
      { used: '19. April 2025 10:00', minute: 600, date: { year: 2025, month: 4, day: 19 } },
    ],
    ['Dec 16th', { used: 'Dec 16th', minute: null, date: { year: null, month: 12, day: 16 } }],
    [
      'Dec 16th **12:43',
      { used: 'Dec 16th **12:43', minute: 763, date: { year: null, month: 12, day: 16 } },
    ],
    ['02-03 14:32', { used: '02-03 14:32', minute: 872, date: { year: null, month: 2, day: 3 } }],
    [
      'Dec 16th** 12:43',
      { used: 'Dec 16th** 12:43', minute: 763, date: { year: null, month: 12, day: 16 } },
    ],
  ];
  for (const [text, expected] of cases) {
    test(text, () => assert.deepEqual(reading(text), { ...base, ...expected }));
  }
});

describe('readTime stops where the time ends', () => {
  test('an event after a separator is not a range or a zone', () => {
    assert.equal(reading('10:00 - Alert fired')?.used, '10:00');
    assert.equal(reading('1:00 PM PagerDuty alert')?.used, '1:00 PM');
    assert.equal(reading('10:00 - 2 engineers joined')?.used, '10:00');
    assert.equal(reading('10:00 - TBD whether it paged')?.used, '10:00');
    assert.equal(reading('13:05 A deploy')?.used, '13:05');
  });

  test('reads from an offset up to a limit', () => {
    const text = '| 2023-02-14 11:07 | Sev 1 ticket raised |';
    const time = readTime(text, 2, 18);
    assert.equal(time?.end, 18);
    assert.equal(time?.minuteOfDay, 667);
  });
});

describe('readTime rejects what is not a time', () => {
  for (const text of [
    '20xx-MM-DD HH:mm',
    '20202-01-16 12:00',
    'HH:mm',
    '25:00',
    '12:60',
    '13 PM',
    'yesterday',
    '2022-05-?? HH:mm',
    '1305',
    '5 nodes',
    '',
    '2.50 ms',
    '1.24.0',
    '15.26.4',
    '10.50% of requests',
    '10.50,5',
    '17:14am',
    '14h',
    'X',
    'Xavier joined',
    '02-03',
    '12-16 nodes',
    '31.02.2025',
  ]) {
    test(JSON.stringify(text), () => assert.equal(readTime(text), null));
  }
  test('a date followed by a placeholder time is a date alone', () => {
    assert.equal(reading('2024-03-13 HH:mm')?.used, '2024-03-13');
    assert.equal(reading('2022-02-02 Xavier joined')?.used, '2022-02-02');
    assert.equal(reading('2022-02-02 X-ray service down')?.used, '2022-02-02');
    assert.equal(reading("2022-02-02 X's team joined")?.used, '2022-02-02');
    assert.equal(reading('2022-02-02 1625.5 ms')?.used, '2022-02-02');
  });
});

describe('numeric dates in the order of the document', () => {
  const april3 = { year: 2025, month: 4, day: 3 };
  const march4 = { year: 2025, month: 3, day: 4 };
  test('an order reads `a/b/YYYY` with both parts 12 or less', () => {
    assert.deepEqual(readTime('03/04/2025 10:00', 0, 16, 'day-month')?.date, april3);
    assert.deepEqual(readTime('03/04/2025 10:00', 0, 16, 'month-day')?.date, march4);
    assert.equal(readTime('03/04/2025 10:00', 0, 16, 'day-month')?.dateOrderUnsettled, false);
  });
  test('without an order it is read month first, and marked unsettled', () => {
    const time = readTime('03/04/2025 10:00');
    assert.deepEqual(time?.date, march4);
    assert.equal(time?.dateOrderUnsettled, true);
  });
  test('a part over 12 settles the date, whatever the order', () => {
    const time = readTime('13/04/2025', 0, 10, 'month-day');
    assert.deepEqual(time?.date, { year: 2025, month: 4, day: 13 });
    assert.equal(time?.dateOrderUnsettled, false);
    assert.equal(readTime('04/04/2025')?.dateOrderUnsettled, false);
  });
  test('dashes and dots are day first', () => {
    assert.deepEqual(readTime('03-04-2025', 0, 10, 'month-day')?.date, april3);
    assert.deepEqual(readTime('03.04.2025')?.date, april3);
  });
  test('findDate reads them in headings', () => {
    assert.deepEqual(findDate('Day two, 03/04/2025', 'day-month'), april3);
    assert.deepEqual(findDate('Day two, 15-Mar-2025'), march15);
    assert.deepEqual(findDate('Saturday 19. April'), { year: null, month: 4, day: 19 });
    assert.equal(findDate('rows 02-03'), null);
  });
});

describe('looksLikeTime', () => {
  test('template and out-of-range times look like times', () => {
    assert.equal(looksLikeTime('20xx-MM-DD HH:mm', 0), true);
    assert.equal(looksLikeTime('HH:mm - event', 0), true);
    assert.equal(looksLikeTime('25:00 - event', 0), true);
  });
  test('words and counts do not', () => {
    assert.equal(looksLikeTime('5-10 nodes went down', 0), false);
    assert.equal(looksLikeTime('Note: something', 0), false);
  });
});

describe('findDate', () => {
  test('finds a date anywhere in a heading', () => {
    assert.deepEqual(findDate('Tuesday 2026-03-03'), { year: 2026, month: 3, day: 3 });
    assert.deepEqual(findDate('Day 2 (March 3, 2026)'), { year: 2026, month: 3, day: 3 });
    assert.deepEqual(findDate('2 March 2026'), { year: 2026, month: 3, day: 2 });
    assert.equal(findDate('Timeline 12'), null);
    assert.equal(findDate('2026-02-30'), null);
  });
});

describe('zones', () => {
  test('notes in the section', () => {
    assert.equal(findZoneNote('All times in UTC.'), 'UTC');
    assert.equal(findZoneNote('All times are CET'), 'CET');
    assert.equal(findZoneNote('Timeline (all times CET)'), 'CET');
    assert.equal(findZoneNote('(all times in Pacific Time)'), 'Pacific Time');
    assert.equal(findZoneNote('Times are in UTC+2'), 'UTC+2');
    assert.equal(findZoneNote('We all know times are hard.'), null);
  });

  test('zones in column headers', () => {
    assert.equal(findHeaderZone('Time (UTC)'), 'UTC');
    assert.equal(findHeaderZone('Date and Time in CET'), 'CET');
    assert.equal(findHeaderZone('Time'), null);
  });

  test('offsets of abbreviations, offsets and IANA zones', () => {
    assert.equal(zoneOffset('UTC', 0), 0);
    assert.equal(zoneOffset('+0530', 0), 330);
    assert.equal(zoneOffset('AEDT', 0), 660);
    const july = Date.UTC(2025, 6, 1, 12) / 60_000;
    const january = Date.UTC(2025, 0, 1, 12) / 60_000;
    assert.equal(zoneOffset('Europe/Copenhagen', july), 120);
    assert.equal(zoneOffset('Europe/Copenhagen', january), 60);
    assert.equal(zoneOffset('Pacific Time', july), -420);
    assert.equal(zoneOffset('Mars/Olympus', july), null);
    assert.equal(zoneOffset('XYZ', july), null);
  });
});

describe('pathological inputs are read in one pass', () => {
  // No timing assertions: these would hang with backtracking patterns.
  test('30,000 times in a row', () => {
    const text = '12:00 '.repeat(30_000);
    assert.equal(readTime(text)?.end, 5);
    assert.deepEqual(findDate(text), null);
  });
  test('long runs of digits and colons', () => {
    assert.equal(readTime('1'.repeat(100_000)), null);
    assert.equal(readTime('1:'.repeat(50_000)), null);
    assert.equal(readTime(':'.repeat(100_000)), null);
    assert.equal(readTime('2025-'.repeat(20_000)), null);
    assert.equal(findDate('12 '.repeat(30_000)), null);
    assert.equal(looksLikeTime('1'.repeat(100_000), 0), false);
  });
  test('long runs of the new forms: dots, h, X, dashes and slashes', () => {
    assert.equal(readTime('12.'.repeat(50_000)), null);
    assert.equal(readTime('1h'.repeat(50_000)), null);
    assert.equal(readTime(`2025-03-15 ${'X'.repeat(100_000)}`)?.end, 10);
    assert.equal(readTime('12-'.repeat(50_000)), null);
    assert.equal(findDate('1/2/'.repeat(30_000)), null);
    assert.equal(findDate('19. '.repeat(30_000)), null);
    assert.equal(readTime(`2025-03-15 ${'*'.repeat(100_000)}12:00`)?.end, 10);
  });
  test('long runs of spaces after a time', () => {
    assert.equal(readTime(`10:00${' '.repeat(100_000)}- 11:00`)?.end, 5);
  });
});

test('isoDate: the same date however many days were formatted before', () => {
  const first = dayNumber({ year: 2025, month: 3, day: 15 });
  assert.equal(isoDate(first), '2025-03-15');
  for (let day = first; day < first + 3000; day += 1) {
    assert.equal(isoDate(day), new Date(day * 86_400_000).toISOString().slice(0, 10));
  }
  assert.equal(isoDate(first), '2025-03-15');
  assert.equal(isoDate(dayNumber({ year: 2024, month: 2, day: 29 })), '2024-02-29');
});
