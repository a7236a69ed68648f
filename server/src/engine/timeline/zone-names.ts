/**
 * Zone abbreviations (`EST`, `CEST`, `IST`, `PT`) and English names (`Pacific Time`, `India
 * Standard Time`), as `scripts/zone-names.ts` derives them from `Intl` and `@vvo/tzdb` into
 * `zone-names.json` (see there for how, and why a file).
 */
import data from './zone-names.json';

/** A reading of an abbreviation or name as the file holds it. */
export interface ZoneNameData {
  /** Its English name as `Intl` writes it: `India Standard Time`, `Pacific Time`. */
  name: string;
  /** Offset from UTC in minutes; null for a generic name whose offset follows the date. */
  offset: number | null;
  /** The IANA zones that bear it, in `Intl`'s order. */
  zones: string[];
}

/** The file: readings per abbreviation (the one it is read as, by index), and names. */
export interface ZoneNames {
  /** The year whose January and July the names were read on. */
  year: number;
  abbreviations: Record<string, { reading: number | null; readings: ZoneNameData[] }>;
  /** By upper-case name: `PACIFIC TIME`, `CENTRAL EUROPEAN SUMMER TIME`. */
  names: Record<string, ZoneNameData>;
}

/** One reading of a zone abbreviation or name. */
export interface ZoneMeaning extends Readonly<ZoneNameData> {
  /** An IANA zone that bears it, the first. */
  zone: string;
}

/** The readings of an abbreviation, the one it is read as first (null when there is none). */
export interface AbbreviationReadings {
  reading: ZoneMeaning | null;
  others: ZoneMeaning[];
}

const NAMES: ZoneNames = data;
const readings = new Map<string, AbbreviationReadings | null>();

function meaningOf(found: ZoneNameData): ZoneMeaning {
  return { ...found, zone: found.zones[0]! };
}

/** The readings of a zone abbreviation written in capitals (`CST`, `PT`); null when unknown. */
export function abbreviationReadings(abbreviation: string): AbbreviationReadings | null {
  let found = readings.get(abbreviation);
  if (found === undefined) {
    const entry = Object.hasOwn(NAMES.abbreviations, abbreviation)
      ? NAMES.abbreviations[abbreviation]!
      : null;
    const meanings = entry?.readings.map(meaningOf) ?? [];
    const reading = entry?.reading == null ? null : meanings[entry.reading]!;
    found = entry && { reading, others: meanings.filter((m) => m !== reading) };
    readings.set(abbreviation, found);
  }
  return found;
}

/** The zone an English name stands for (`Pacific Time`, `central european time`). */
export function namedZone(name: string): ZoneMeaning | null {
  const key = name.replace(/\s+/g, ' ').trim().toUpperCase();
  return Object.hasOwn(NAMES.names, key) ? meaningOf(NAMES.names[key]!) : null;
}
