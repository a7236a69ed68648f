import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { readTime } from '../../../server/src/engine/timeline/times';
import { findDayNote, rowsZone } from '../../../server/src/engine/timeline/zone-note';
import { abbreviationReadings, namedZone } from '../../../server/src/engine/timeline/zone-names';
import {
  findZoneNote,
  fixedOffset,
  formatOffset,
  ianaZone,
  isKnownZone,
  placeLocal,
  placeRow,
  zoneAmbiguity,
  zoneOffset,
} from '../../../server/src/engine/timeline/zones';

/** Minutes since the epoch of a local wall time, read as UTC (as the timeline reader does). */
const local = (iso: string) => Date.parse(`${iso}Z`) / 60_000;

describe('abbreviations derived from Intl and tzdb', () => {
  test('standard and daylight abbreviations have their fixed offset', () => {
    const cases: [string, number][] = [
      ['EST', -300],
      ['EDT', -240],
      ['CDT', -300],
      ['MST', -420],
      ['PST', -480],
      ['PDT', -420],
      ['AKST', -540],
      ['HST', -600],
      ['CET', 60],
      ['CEST', 120],
      ['EET', 120],
      ['EEST', 180],
      ['WET', 0],
      ['MSK', 180],
      ['SAST', 120],
      ['PKT', 300],
      ['ICT', 420],
      ['SGT', 480],
      ['HKT', 480],
      ['JST', 540],
      ['KST', 540],
      ['AEST', 600],
      ['AEDT', 660],
      ['NZST', 720],
      ['NZDT', 780],
    ];
    for (const [abbreviation, offset] of cases) {
      assert.equal(fixedOffset(abbreviation), offset, abbreviation);
    }
  });

  test('generic names take the offset of the date: ET is UTC-4 in July, UTC-5 in January', () => {
    const cases: [string, number, number][] = [
      ['ET', -240, -300],
      ['CT', -300, -360],
      ['MT', -360, -420],
      ['PT', -420, -480],
      ['AET', 600, 660],
      ['Eastern Time', -240, -300],
      ['pacific time', -420, -480],
    ];
    for (const [zone, july, january] of cases) {
      assert.equal(fixedOffset(zone), null, zone);
      assert.equal(zoneOffset(zone, local('2025-07-15T12:00')), july, zone);
      assert.equal(zoneOffset(zone, local('2025-01-15T12:00')), january, zone);
    }
  });

  test('an abbreviation with several readings is read in its common one, and says the others', () => {
    const names = (abbreviation: string) => {
      const readings = abbreviationReadings(abbreviation)!;
      return [readings.reading?.name, readings.others.map((o) => o.name).sort()];
    };
    assert.deepEqual(names('CST'), [
      'Central Standard Time',
      ['China Standard Time', 'Cuba Standard Time'],
    ]);
    assert.deepEqual(names('IST'), [
      'India Standard Time',
      ['Irish Standard Time', 'Israel Standard Time'],
    ]);
    assert.deepEqual(names('BST'), ['British Summer Time', ['Bangladesh Standard Time']]);
    assert.equal(fixedOffset('IST'), 330);
    assert.equal(fixedOffset('BST'), 60);
    assert.ok(zoneAmbiguity('CST'));
    assert.equal(zoneAmbiguity('CET'), null);
  });

  test('meridiems, one-letter military zones and unknown capitals are not abbreviations', () => {
    for (const token of ['AM', 'PM', 'A', 'XYZT', 'DNS']) {
      assert.equal(abbreviationReadings(token), null, token);
    }
    assert.equal(namedZone('Central European Summer Time')?.offset, 120);
  });
});

describe('IANA zones and links as Intl knows them', () => {
  test('zones and links are valid in any case; unknown names are not', () => {
    assert.equal(ianaZone('Europe/Copenhagen'), 'Europe/Copenhagen');
    assert.equal(ianaZone('US/Eastern'), 'US/Eastern');
    assert.equal(ianaZone('europe/copenhagen'), 'europe/copenhagen');
    assert.equal(ianaZone('America/Argentina/Buenos_Aires'), 'America/Argentina/Buenos_Aires');
    assert.equal(ianaZone('Mars/Olympus'), null);
    assert.equal(ianaZone('feature/login'), null);
    assert.equal(zoneOffset('US/Eastern', local('2025-07-15T12:00')), -240);
    assert.equal(isKnownZone('US/Eastern'), true);
    assert.equal(isKnownZone('Mars/Olympus'), false);
    assert.equal(isKnownZone('XYZT'), false);
  });

  test('notes name IANA zones, English names, pairs and unknown zones', () => {
    assert.equal(findZoneNote('All times in US/Eastern.'), 'US/Eastern');
    assert.equal(
      findZoneNote('All timestamps are in Central European Time'),
      'Central European Time',
    );
    assert.equal(findZoneNote('All times are listed in PST/PDT.'), 'America/Los_Angeles');
    assert.equal(findZoneNote('Times below are for 2025-07-04; all times are ET.'), 'ET');
    assert.equal(findZoneNote('All times in XYZT.'), 'XYZT');
    assert.equal(findZoneNote('All times are approximate, per the SRE log.'), null);
    assert.equal(findZoneNote('All times are TBD.'), null);
    assert.equal(findZoneNote('All times are US Pacific Time.'), 'Pacific Time');
  });
});

describe('zones after a time', () => {
  const zone = (text: string) => readTime(text)?.zone ?? null;

  test('known zones, IANA names and zone-like capitals are read', () => {
    assert.equal(zone('13:05 Europe/Copenhagen deploy'), 'Europe/Copenhagen');
    assert.equal(zone('13:05 US/Eastern'), 'US/Eastern');
    assert.equal(zone('13:05 CET/CEST deploy'), 'CET/CEST');
    assert.equal(zoneOffset('CET/CEST', local('2025-07-15T12:00')), 120);
    assert.equal(zoneOffset('CET/CEST', local('2025-01-15T12:00')), 60);
    assert.equal(isKnownZone('PST/PDT'), true);
    assert.equal(zone('13:05 JST team paged'), 'JST');
    assert.equal(zone('13:05 (ABC) team paged'), 'ABC');
    assert.equal(zone('13:05 XYZT team paged'), 'XYZT');
    assert.equal(zone('13:05 QRS - team paged'), 'QRS');
    assert.equal(zone('13:05 Mars/Olympus - team paged'), 'Mars/Olympus');
    assert.equal(zone('**13:05 QRS**'), null);
    assert.equal(readTime('13:05 QRS**', 0)?.zone, 'QRS');
    assert.equal(readTime('| 13:05 QRS |', 2, 11)?.zone, 'QRS');
  });

  test('prose after a time is not a zone', () => {
    for (const text of [
      '13:05 PagerDuty alert',
      '13:05 DNS failover starts',
      '13:05 GET /login fails',
      '13:05 POST requests fail',
      '13:05 AT&T reports errors',
      '13:05 WEST region down',
      '13:05 Client/Server errors',
      '13:05 release/v2 merged',
      '13:05 TODO - fill in',
      '13:05 (US) customers report errors',
      '13:05 QA - tests fail',
      '13:05 IT team paged',
    ]) {
      assert.equal(zone(text), null, text);
    }
  });
});

describe('clock changes', () => {
  test('a local time skipped by a change is a gap, read with the offset before it', () => {
    assert.deepEqual(placeLocal('America/New_York', local('2025-03-09T02:30')), {
      offset: -300,
      change: { kind: 'gap', before: -300, after: -240 },
    });
    assert.equal(placeLocal('Europe/Copenhagen', local('2025-03-30T02:30'))?.change?.kind, 'gap');
    assert.equal(placeLocal('ET', local('2025-03-09T02:30'))?.change?.kind, 'gap');
  });

  test('a local time shown twice is an overlap, read as the first', () => {
    assert.deepEqual(placeLocal('US/Eastern', local('2025-11-02T01:30')), {
      offset: -240,
      change: { kind: 'overlap', before: -240, after: -300 },
    });
    assert.deepEqual(placeLocal('Australia/Sydney', local('2025-04-06T02:30')), {
      offset: 660,
      change: { kind: 'overlap', before: 660, after: 600 },
    });
  });

  test('times next to a change, and fixed zones, are unique', () => {
    assert.deepEqual(placeLocal('America/New_York', local('2025-03-09T01:59')), {
      offset: -300,
      change: null,
    });
    assert.deepEqual(placeLocal('America/New_York', local('2025-03-09T03:00')), {
      offset: -240,
      change: null,
    });
    assert.deepEqual(placeLocal('EST', local('2025-11-02T01:30')), { offset: -300, change: null });
    assert.equal(placeLocal('XYZT', local('2025-11-02T01:30')), null);
  });
});

describe('placing a row', () => {
  test('an unknown zone is reported and placed in the timeline zone', () => {
    assert.deepEqual(placeRow('XYZT', 'CET', local('2025-07-04T10:00'), true), {
      offset: null,
      axisOffset: 60,
      problem: { kind: 'unknown' },
    });
  });

  test('an ambiguous abbreviation says its reading and the others', () => {
    const placed = placeRow('IST', null, local('2025-07-04T10:00'), true);
    assert.equal(placed.offset, 330);
    assert.equal(placed.problem?.kind, 'ambiguous');
  });

  test('a clock change is reported only for a dated row', () => {
    const at = local('2025-03-09T02:30');
    assert.equal(placeRow('ET', null, at, true).problem?.kind, 'gap');
    assert.equal(placeRow('ET', null, at, false).problem, null);
  });

  test('offsets are written as ISO 8601 writes them', () => {
    assert.equal(formatOffset(330), '+05:30');
    assert.equal(formatOffset(-360), '-06:00');
    assert.equal(formatOffset(0), '+00:00');
  });
});

describe('notes of a timeline', () => {
  test('a note giving the day of undated rows', () => {
    assert.deepEqual(findDayNote('All times are UTC on 2023-01-07.'), {
      year: 2023,
      month: 1,
      day: 7,
    });
    assert.deepEqual(findDayNote('Times below are for March 3'), { year: null, month: 3, day: 3 });
    assert.deepEqual(
      findDayNote(
        'Unless otherwise noted all events happened on 2019-10-21, and all times are UTC.',
      ),
      { year: 2019, month: 10, day: 21 },
    );
    assert.deepEqual(findDayNote('Unless noted, rows are on 2024-05-12 (UTC).'), {
      year: 2024,
      month: 5,
      day: 12,
    });
    assert.deepEqual(findDayNote('Everything below happened on 12 May 2024.'), {
      year: 2024,
      month: 5,
      day: 12,
    });
    assert.equal(findDayNote('All times in UTC. The outage began on 2023-01-07.'), null);
    assert.equal(findDayNote('The deploy on 2023-01-07 failed.'), null);
    assert.equal(findDayNote('13:05 all times of the cron jobs on 2023-01-07 shifted'), null);
  });

  test('the one known zone that rows write', () => {
    assert.equal(rowsZone(['PDT', null, 'PDT']), 'PDT');
    assert.equal(rowsZone(['UTC', 'Z']), 'UTC');
    assert.equal(rowsZone(['PDT', 'UTC']), null);
    assert.equal(rowsZone(['XYZT', 'CET']), 'CET');
    assert.equal(rowsZone([null]), null);
  });
});
