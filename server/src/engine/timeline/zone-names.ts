/**
 * Zone abbreviations (`EST`, `CEST`, `IST`, `PT`) and names (`Pacific Time`, `India Standard
 * Time`), derived once from two maintained sources: the zones and English names that `Intl`
 * (the ICU data Node ships) gives every IANA zone on a winter and a summer date, and the
 * name-to-abbreviation table of `@vvo/tzdb`. Nothing here is a hand list of zones: a zone or
 * abbreviation that the data gains or drops is gained or dropped here.
 *
 * - A standard or daylight name (`EST`, `EDT`, `IST`) has the fixed offset the zone has while
 *   it bears that name; a generic name of a zone with daylight saving time (`ET`, `PT`,
 *   `Eastern Time`) has the offset of the date (`ET` in July is UTC−4, in January UTC−5).
 * - An abbreviation with several readings (`CST`: Central, China, Cuba; `IST`: India, Irish,
 *   Israel) is read in its common reading: one that English CLDR locales write as a short name
 *   (so `BST` is British Summer Time, not Bangladesh), the one with the most zones first. With
 *   no such reading it has none.
 */
import tzdbAbbreviations from '@vvo/tzdb/abbreviations.json';
import { readZoneClock, zoneClock } from './zone-clock';

/** One reading of a zone abbreviation or name. */
export interface ZoneMeaning {
  /** Its English name as `Intl` writes it: `India Standard Time`, `Pacific Time`. */
  name: string;
  /** An IANA zone that bears it (the first in `Intl`'s order). */
  zone: string;
  /** Every IANA zone that bears it. */
  zones: readonly string[];
  /** Offset from UTC in minutes; null for a generic name whose offset follows the date. */
  offset: number | null;
}

/** The readings of an abbreviation, the one it is read as first (null when there is none). */
export interface AbbreviationReadings {
  reading: ZoneMeaning | null;
  others: ZoneMeaning[];
}

const NAMES: Readonly<Record<string, string>> = tzdbAbbreviations;
/** What an abbreviation written after a time looks like (`A`..`Z` military zones excluded). */
const ABBREVIATION = /^[A-Z]{2,5}$/;
/** `AM` and `PM` are the clock's, never a zone (`PM` also abbreviates St. Pierre & Miquelon). */
const MERIDIEMS = new Set(['AM', 'PM']);
/** CLDR's English standard and daylight names are its generic name with a word added. */
const GENERIC = / (?:Standard|Daylight|Summer) Time$/;
/** English locales whose CLDR short names tell which reading of an abbreviation is common. */
const ENGLISH_LOCALES = [
  'en-US',
  'en-GB',
  'en-IE',
  'en-IN',
  'en-AU',
  'en-NZ',
  'en-CA',
  'en-ZA',
  'en-SG',
  'en-HK',
];

interface Draft {
  abbreviation: string;
  name: string;
  offset: number | null;
  zoneSet: Set<string>;
}

interface Table {
  /** The sample dates: mid-January and mid-July of this year. */
  samples: number[];
  /** Readings per abbreviation, the most zones first. */
  candidates: Map<string, ZoneMeaning[]>;
  /** Readings per abbreviation with the one it is read as, decided on first use. */
  readings: Map<string, AbbreviationReadings>;
  /** Upper-case English names: `PACIFIC TIME`, `CENTRAL EUROPEAN SUMMER TIME`. */
  byName: Map<string, ZoneMeaning>;
}

let table: Table | null = null;

function partOf(format: Intl.DateTimeFormat, at: number): string {
  return format.formatToParts(at).find((part) => part.type === 'timeZoneName')?.value ?? '';
}

/** The abbreviation of an English zone name; CLDR's `X Standard Time` is tzdb's `X Time`. */
function abbreviationOf(name: string): string | null {
  const abbreviation = NAMES[name] ?? NAMES[name.replace(/ Standard Time$/, ' Time')];
  return abbreviation && isAbbreviation(abbreviation) ? abbreviation : null;
}

function isAbbreviation(text: string): boolean {
  return ABBREVIATION.test(text) && !MERIDIEMS.has(text);
}

/** Whether an English locale's CLDR data writes `abbreviation` for the meaning's zone. */
function isCommon(abbreviation: string, meaning: ZoneMeaning, samples: number[]): boolean {
  return meaning.zones.slice(0, 3).some((timeZone) =>
    ENGLISH_LOCALES.some((locale) =>
      (['short', 'shortGeneric'] as const).some((timeZoneName) => {
        const format = new Intl.DateTimeFormat(locale, { timeZone, timeZoneName });
        return samples.some((at) => partOf(format, at) === abbreviation);
      }),
    ),
  );
}

/**
 * Every reading of every abbreviation: the tzdb abbreviation of each zone's English standard
 * and daylight names on the sample dates and of its generic name (`Eastern Time` of `Eastern
 * Standard Time`), and the US English short names (`HST`).
 */
function collect(samples: number[]): Map<string, Draft> {
  const drafts = new Map<string, Draft>();
  const add = (abbreviation: string | null, name: string, zone: string, offset: number | null) => {
    if (abbreviation === null) return;
    const key = `${abbreviation}|${name}|${offset}`;
    const draft = drafts.get(key);
    if (draft) draft.zoneSet.add(zone);
    else {
      drafts.set(key, { abbreviation, name, offset, zoneSet: new Set([zone]) });
    }
  };
  for (const zone of Intl.supportedValuesOf('timeZone')) {
    const clock = zoneClock(zone, 'short');
    const long = new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'long' });
    const readings = samples.map((at) => readZoneClock(clock, at));
    const seasonal = readings[0]!.offset !== readings[1]!.offset;
    samples.forEach((at, i) => {
      const { name: short, offset } = readings[i]!;
      const name = partOf(long, at);
      add(abbreviationOf(name), name, zone, offset);
      if (isAbbreviation(short)) add(short, name, zone, offset);
      if (seasonal) {
        const genericName = name.replace(GENERIC, ' Time');
        add(abbreviationOf(genericName), genericName, zone, null);
      }
    });
  }
  return drafts;
}

function build(): Table {
  const year = new Date().getUTCFullYear();
  const samples = [Date.UTC(year, 0, 15, 12), Date.UTC(year, 6, 15, 12)];
  const grouped = new Map<string, Draft[]>();
  for (const draft of collect(samples).values()) {
    grouped.set(draft.abbreviation, [...(grouped.get(draft.abbreviation) ?? []), draft]);
  }
  const candidates = new Map<string, ZoneMeaning[]>();
  const byName = new Map<string, ZoneMeaning>();
  for (const [abbreviation, drafts] of grouped) {
    // A generic name given a standard abbreviation (`Chatham Time` as `CHAST`) yields to the
    // fixed reading of the same zones; readings with one offset are one reading.
    const fixed = drafts.filter((d) => d.offset !== null);
    const kept = drafts.filter(
      (d) => d.offset !== null || !fixed.some((f) => [...d.zoneSet].some((z) => f.zoneSet.has(z))),
    );
    const readings: ZoneMeaning[] = [];
    const bySize = kept.sort(
      (a, b) => b.zoneSet.size - a.zoneSet.size || a.name.localeCompare(b.name),
    );
    for (const draft of bySize) {
      const same = readings.find((r) => r.offset !== null && r.offset === draft.offset);
      if (same) same.zones = [...same.zones, ...draft.zoneSet];
      else readings.push(meaningOf(draft));
    }
    candidates.set(abbreviation, readings);
    for (const draft of drafts) {
      const key = draft.name.toUpperCase();
      if (!byName.has(key)) byName.set(key, meaningOf(draft));
    }
  }
  return { samples, candidates, readings: new Map(), byName };
}

function meaningOf({ name, offset, zoneSet }: Draft): ZoneMeaning {
  const zones = [...zoneSet];
  return { name, zone: zones[0]!, zones, offset };
}

function data(): Table {
  table ??= build();
  return table;
}

/** The readings of a zone abbreviation written in capitals (`CST`, `PT`); null when unknown. */
export function abbreviationReadings(abbreviation: string): AbbreviationReadings | null {
  const { samples, candidates, readings } = data();
  const known = readings.get(abbreviation);
  if (known) return known;
  const meanings = candidates.get(abbreviation);
  if (!meanings) return null;
  const common =
    meanings.length === 1 ? meanings : meanings.filter((m) => isCommon(abbreviation, m, samples));
  const reading = common[0] ?? null;
  const result = { reading, others: meanings.filter((m) => m !== reading) };
  readings.set(abbreviation, result);
  return result;
}

/** The zone an English name stands for (`Pacific Time`, `central european time`). */
export function namedZone(name: string): ZoneMeaning | null {
  return data().byName.get(name.replace(/\s+/g, ' ').trim().toUpperCase()) ?? null;
}
