/**
 * Derives the zone abbreviations and names that the engine reads
 * (`server/src/engine/timeline/zone-names.json`) from two maintained sources: the English
 * names that `Intl` (the ICU data Node ships) gives every IANA zone on a January and a July
 * date, and the name-to-abbreviation table of `@vvo/tzdb`. Nothing here is a hand list of
 * zones. `npm run zones` writes the file; a test checks that it is what this derives now, so
 * a new Node (ICU) or tzdb release that changes a zone says so.
 *
 * - A standard or daylight name (`EST`, `EDT`, `IST`) has the fixed offset its zones have
 *   while they bear it; a generic name of zones with daylight saving time (`ET`, `Eastern
 *   Time`) has none: its offset follows the date.
 * - An abbreviation with several readings (`CST`: Central, China, Cuba) is read in its common
 *   one: a reading that an English CLDR locale writes as a short name (so `BST` is British
 *   Summer Time, not Bangladesh), the one with the most zones first; with no such reading it
 *   has none.
 *
 * Computing this at run time costs 130 to 300 ms of `Intl` set-up on first use, in every
 * process and CLI worker: hence a file.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import tzdbAbbreviations from '@vvo/tzdb/abbreviations.json';
import * as prettier from 'prettier';
import { readZoneClock, zoneClock } from '../server/src/engine/timeline/zone-clock';
import type { ZoneNames, ZoneNameData } from '../server/src/engine/timeline/zone-names';

export const ZONE_NAMES_FILE = join(
  import.meta.dirname,
  '../server/src/engine/timeline/zone-names.json',
);

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

function partOf(format: Intl.DateTimeFormat, at: number): string {
  return format.formatToParts(at).find((part) => part.type === 'timeZoneName')?.value ?? '';
}

function isAbbreviation(text: string): boolean {
  return ABBREVIATION.test(text) && !MERIDIEMS.has(text);
}

/** The abbreviation of an English zone name; CLDR's `X Standard Time` is tzdb's `X Time`. */
function abbreviationOf(name: string): string | null {
  const abbreviation = NAMES[name] ?? NAMES[name.replace(/ Standard Time$/, ' Time')];
  return abbreviation && isAbbreviation(abbreviation) ? abbreviation : null;
}

/** Whether an English locale's CLDR data writes `abbreviation` for one of the zones. */
function isCommon(abbreviation: string, zones: readonly string[], samples: number[]): boolean {
  return zones.slice(0, 3).some((timeZone) =>
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
    else drafts.set(key, { abbreviation, name, offset, zoneSet: new Set([zone]) });
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

function dataOf({ name, offset, zoneSet }: Draft): ZoneNameData {
  return { name, offset, zones: [...zoneSet] };
}

/** The abbreviations and names as `Intl` and tzdb give them for `year`. */
export function deriveZoneNames(year: number): ZoneNames {
  const samples = [Date.UTC(year, 0, 15, 12), Date.UTC(year, 6, 15, 12)];
  const grouped = new Map<string, Draft[]>();
  for (const draft of collect(samples).values()) {
    grouped.set(draft.abbreviation, [...(grouped.get(draft.abbreviation) ?? []), draft]);
  }
  const abbreviations: ZoneNames['abbreviations'] = {};
  const names: ZoneNames['names'] = {};
  for (const [abbreviation, drafts] of [...grouped].sort(([a], [b]) => a.localeCompare(b))) {
    // A generic name given a standard abbreviation (`Chatham Time` as `CHAST`) yields to the
    // fixed reading of the same zones; readings with one offset are one reading.
    const fixed = drafts.filter((d) => d.offset !== null);
    const kept = drafts.filter(
      (d) => d.offset !== null || !fixed.some((f) => [...d.zoneSet].some((z) => f.zoneSet.has(z))),
    );
    const readings: ZoneNameData[] = [];
    const bySize = kept.sort(
      (a, b) => b.zoneSet.size - a.zoneSet.size || a.name.localeCompare(b.name),
    );
    for (const draft of bySize) {
      const same = readings.find((r) => r.offset !== null && r.offset === draft.offset);
      if (same) same.zones = [...same.zones, ...draft.zoneSet];
      else readings.push(dataOf(draft));
    }
    const reading =
      readings.length === 1
        ? 0
        : readings.findIndex((r) => isCommon(abbreviation, r.zones, samples));
    abbreviations[abbreviation] = { reading: reading < 0 ? null : reading, readings };
    for (const draft of drafts) names[draft.name.toUpperCase()] ??= dataOf(draft);
  }
  return { year, abbreviations, names };
}

/** Writes the file as Prettier formats it. */
async function write(): Promise<void> {
  const names = deriveZoneNames(new Date().getUTCFullYear());
  const options = (await prettier.resolveConfig(ZONE_NAMES_FILE)) ?? {};
  const text = await prettier.format(JSON.stringify(names), {
    ...options,
    filepath: ZONE_NAMES_FILE,
  });
  writeFileSync(ZONE_NAMES_FILE, text);
  console.log(`${ZONE_NAMES_FILE}: ${Object.keys(names.abbreviations).length} abbreviations`);
}

if (process.argv[1] === import.meta.filename) void write();
