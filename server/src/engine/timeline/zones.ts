/**
 * Time zones as post-mortems write them: abbreviations (`UTC`, `CET`, `PDT`, `ET`), offsets
 * (`UTC+2`, `GMT-5`, `+01:00`, `+0100`), English names (`Pacific Time`) and IANA zones and
 * links as `Intl` knows them (`Europe/Copenhagen`, `US/Eastern`), and the notes that set a
 * timeline's zone (`All times in UTC`, `(all times CET)`).
 *
 * Abbreviations and names come from `zone-names.ts` (derived from `Intl` and `@vvo/tzdb`);
 * offsets of zones with daylight saving time are looked up for the date of the time.
 */
import { isBlankText } from '../markdown/content';
import type { ZoneProblem, ZoneReadingName } from '../model';
import {
  abbreviationReadings,
  namedZone,
  type AbbreviationReadings,
  type ZoneMeaning,
} from './zone-names';
import { readZoneClock, zoneClock } from './zone-clock';

/** The names of UTC itself. */
const UNIVERSAL: ReadonlyMap<string, number> = new Map([
  ['UTC', 0],
  ['GMT', 0],
  ['UT', 0],
  ['Z', 0],
]);

/**
 * Words of incident prose written in capitals that are, or look like, zone abbreviations
 * (`13:05 GET /login fails`, `13:05 WEST region down`, `13:05 POST requests fail`): zones only
 * where nothing else can be meant, in parentheses or ending the time text.
 */
const WORD_LIKE = new Set([
  'ACT',
  'ALERT',
  'AMT',
  'ART',
  'AT',
  'BOOT',
  'BOT',
  'CAST',
  'CAT',
  'CERT',
  'COT',
  'EAST',
  'EAT',
  'EXIT',
  'FIRST',
  'GET',
  'GIT',
  'HOST',
  'IT',
  'JWT',
  'LAST',
  'LIST',
  'MART',
  'NEXT',
  'NUT',
  'PET',
  'POST',
  'PUT',
  'RET',
  'ROOT',
  'SRT',
  'START',
  'TEST',
  'TOT',
  'VET',
  'WAIT',
  'WAT',
  'WEST',
  'WIT',
]);

const UTC_OFFSET = /^(?:UTC|GMT|UT)\s?([+\-\u2212])(\d{1,2})(?::?(\d{2}))?$/i;
const NUMERIC_OFFSET = /^([+\-\u2212])(\d{2})(?::?(\d{2}))?$/;
/** An IANA name as written: `Europe/Copenhagen`, `America/Argentina/Buenos_Aires`, `US/Eastern`. */
const IANA_SHAPE = /^[A-Za-z_]{2,32}(?:\/[A-Za-z0-9_+-]{1,32}){1,2}$/;
/** An IANA-shaped name in capitalized words, zone-like even when `Intl` does not know it. */
const CAPITALIZED_IANA = /^[A-Z][a-z]{1,31}(?:\/[A-Z][A-Za-z0-9_+-]{0,31}){1,2}$/;
/** A token shaped like a zone abbreviation: 2 to 5 capitals. */
const ABBREVIATION_SHAPE = /^[A-Z]{2,5}$/;
/** The shape of nearly every zone abbreviation: a `T` for Time at the end (`XYZT`), 3 to 5 letters. */
const TIME_ABBREVIATION_SHAPE = /^[A-Z]{2,4}T$/;

/** The offset from UTC in minutes of an offset as written (`UTC+2`, `+05:30`); null otherwise. */
function writtenOffset(zone: string): number | null {
  const match = UTC_OFFSET.exec(zone) ?? NUMERIC_OFFSET.exec(zone);
  if (!match) return null;
  const hours = Number(match[2]);
  const minutes = match[3] === undefined ? 0 : Number(match[3]);
  if (hours > 14 || minutes > 59) return null;
  const sign = match[1] === '+' ? 1 : -1;
  return sign * (hours * 60 + minutes);
}

/** An offset in minutes as written in ISO 8601: `+05:30`, `-06:00`. */
export function formatOffset(minutes: number): string {
  const pad = (value: number) => String(value).padStart(2, '0');
  const abs = Math.abs(minutes);
  return `${minutes < 0 ? '-' : '+'}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

/** The readings of an abbreviation as written (any case: a configuration may say `cet`). */
function readingsOf(zone: string): AbbreviationReadings | null {
  const upper = zone.toUpperCase();
  return ABBREVIATION_SHAPE.test(upper) ? abbreviationReadings(upper) : null;
}

/** The fixed offset of a zone as written, in minutes; null when it has none or is unknown. */
export function fixedOffset(written: string): number | null {
  const zone = unpaired(written);
  const universal = UNIVERSAL.get(zone.toUpperCase());
  if (universal !== undefined) return universal;
  const offset = writtenOffset(zone);
  if (offset !== null) return offset;
  return readingsOf(zone)?.reading?.offset ?? namedZone(zone)?.offset ?? null;
}

const formatters = new Map<string, Intl.DateTimeFormat | null>();

function formatterFor(ianaZone: string): Intl.DateTimeFormat | null {
  let formatter = formatters.get(ianaZone);
  if (formatter === undefined) {
    try {
      formatter = zoneClock(ianaZone);
    } catch {
      formatter = null;
    }
    if (formatters.size >= 1_000) formatters.clear();
    formatters.set(ianaZone, formatter);
  }
  return formatter;
}

/** The IANA zone or link a name is (`US/Eastern`, `europe/copenhagen`); null when `Intl` has none. */
export function ianaZone(name: string): string | null {
  return IANA_SHAPE.test(name) && formatterFor(name) ? name : null;
}

/** The offset of an IANA zone at an instant (minutes since the Unix epoch, UTC). */
function offsetAtInstant(formatter: Intl.DateTimeFormat, utcMinutes: number): number {
  return readZoneClock(formatter, utcMinutes * 60_000).offset;
}

/** The IANA zone whose rules give a zone's offset by date: `ET`, `Pacific Time`, `US/Eastern`. */
function regionalZone(written: string): string | null {
  const zone = unpaired(written);
  const reading = readingsOf(zone)?.reading ?? namedZone(zone);
  if (reading) return reading.offset === null ? reading.zone : null;
  return ianaZone(zone);
}

/** A local time that a clock change skipped (`gap`) or showed twice (`overlap`). */
export interface ClockChange {
  kind: 'gap' | 'overlap';
  /** The offsets before and after the change, in minutes. */
  before: number;
  after: number;
}

/** Where a local time of a zone falls: its offset, and the clock change it falls in if any. */
export interface LocalPlacement {
  offset: number;
  change: ClockChange | null;
}

const placements = new Map<string, LocalPlacement | null>();

/**
 * Places a local time (minutes since the Unix epoch, read as UTC) in a zone. In a gap it takes
 * the offset before the change (the clock had not yet gone forward); in an overlap the
 * earlier of the two instants. Null when the zone is unknown or has no one reading.
 */
export function placeLocal(zone: string, localMinutes: number): LocalPlacement | null {
  const fixed = fixedOffset(zone);
  if (fixed !== null) return { offset: fixed, change: null };
  const iana = regionalZone(zone);
  const formatter = iana === null ? null : formatterFor(iana);
  if (!formatter) return null;
  const key = `${iana}|${localMinutes}`;
  const cached = placements.get(key);
  if (cached !== undefined) return cached;
  // Clocks change at most once in a day: the offsets half a day either side are the two.
  const before = offsetAtInstant(formatter, localMinutes - 720);
  const after = offsetAtInstant(formatter, localMinutes + 720);
  let placement: LocalPlacement;
  if (before === after) placement = { offset: before, change: null };
  else {
    const beforeFits = offsetAtInstant(formatter, localMinutes - before) === before;
    const afterFits = offsetAtInstant(formatter, localMinutes - after) === after;
    if (beforeFits && afterFits) {
      placement = { offset: Math.max(before, after), change: { kind: 'overlap', before, after } };
    } else if (!beforeFits && !afterFits) {
      placement = { offset: before, change: { kind: 'gap', before, after } };
    } else placement = { offset: beforeFits ? before : after, change: null };
  }
  if (placements.size >= 10_000) placements.clear();
  placements.set(key, placement);
  return placement;
}

/**
 * The offset of a zone from UTC in minutes at a local time (minutes since the Unix epoch, read
 * as UTC): fixed for abbreviations and offsets, by date for IANA zones and generic names such
 * as `ET` and `Pacific Time`. Null when the zone is unknown.
 */
export function zoneOffset(zone: string, localMinutes: number): number | null {
  return placeLocal(zone, localMinutes)?.offset ?? null;
}

/** The readings of a zone abbreviation that has more than one (`CST`, `IST`); null otherwise. */
export function zoneAmbiguity(zone: string): AbbreviationReadings | null {
  const readings = readingsOf(unpaired(zone));
  return readings && readings.others.length > 0 ? readings : null;
}

/** A time's place on the axis in its zone: the zone's offset, the one used, and any doubt. */
export interface RowPlacement {
  /** The offset of the zone as written; null when it has none. */
  offset: number | null;
  /** The offset that puts the time on the axis: the fallback zone's where the zone has none. */
  axisOffset: number | null;
  problem: ZoneProblem | null;
}

function readingName({ name, offset }: ZoneMeaning): ZoneReadingName {
  return { name, offset };
}

/**
 * Places a local time (minutes since the Unix epoch, read as UTC) of a row in its zone. A zone
 * this does not know, or an abbreviation with no common reading, is reported and the time
 * placed in `fallback` (the timeline's zone); a clock change is reported only for a `dated`
 * time (without a date, which day is not known).
 */
export function placeRow(
  zone: string | null,
  fallback: string | null,
  localMinutes: number,
  dated: boolean,
): RowPlacement {
  if (zone === null) return { offset: null, axisOffset: null, problem: null };
  const placement = placeLocal(zone, localMinutes);
  const inFallback = () =>
    fallback !== null && fallback !== zone ? zoneOffset(fallback, localMinutes) : null;
  if (!isKnownZone(zone)) {
    return { offset: null, axisOffset: inFallback(), problem: { kind: 'unknown' } };
  }
  const ambiguity = zoneAmbiguity(zone);
  const problem: ZoneProblem | null = ambiguity
    ? {
        kind: 'ambiguous',
        reading: ambiguity.reading && readingName(ambiguity.reading),
        others: ambiguity.others.map(readingName),
      }
    : dated && placement?.change
      ? { ...placement.change }
      : null;
  const offset = placement?.offset ?? null;
  return { offset, axisOffset: offset ?? inFallback(), problem };
}

/** Whether a zone as written is one this reads (an unknown `XYZT` is not). */
export function isKnownZone(written: string): boolean {
  const zone = unpaired(written);
  return (
    UNIVERSAL.has(zone.toUpperCase()) ||
    writtenOffset(zone) !== null ||
    readingsOf(zone) !== null ||
    namedZone(zone) !== null ||
    ianaZone(zone) !== null
  );
}

/**
 * Whether a token written after a time is its zone. `strong` says nothing else can be meant
 * (in parentheses, or ending the time text): there an unknown token shaped like a zone
 * (`ABC`, `Mars/Olympus`) is a zone too, to be reported. Before more words, known zones are,
 * and unknown capitals ending in `T` (`13:05 XYZT starts`); not prose acronyms (`13:05 DNS
 * fails`) or words in capitals (`13:05 GET /login`).
 */
export function isZoneAfterTime(token: string, strong: boolean): boolean {
  if (writtenOffset(token) !== null || NUMERIC_OFFSET.test(token)) return true;
  if (token.includes('/')) {
    const known = ianaZone(token) !== null || unpaired(token) !== token;
    return known || (strong && CAPITALIZED_IANA.test(token));
  }
  if (token === 'UTC' || token === 'GMT') return true;
  // `UT` alone is rare and a placeholder (`13:05 TODO`) is no zone.
  if (!ABBREVIATION_SHAPE.test(token) || token === 'UT' || isBlankText(token)) return false;
  const known = abbreviationReadings(token) !== null;
  // Two unknown capitals are a country or a team (`13:05 (US)`, `13:05 QA -`), not a zone.
  if (strong) return known || token.length > 2;
  if (WORD_LIKE.has(token)) return false;
  return known || TIME_ABBREVIATION_SHAPE.test(token);
}

/**
 * The zone of a standard/daylight pair such as `PST/PDT`: the IANA zone both name, whose
 * offset the date decides; else the first when it is known.
 */
function pairZone(first: string, second: string): string | null {
  const a = abbreviationReadings(first)?.reading;
  const b = abbreviationReadings(second)?.reading;
  if (!a) return null;
  return b?.zones.find((zone) => a.zones.includes(zone)) ?? first;
}

const PAIR = /^([A-Z]{2,5})\/([A-Z]{2,5})$/;

/** A zone with a pair such as `CET/CEST` read as the zone the pair names. */
function unpaired(zone: string): string {
  const pair = PAIR.exec(zone);
  return (pair && pairZone(pair[1]!, pair[2]!)) ?? zone;
}

/**
 * A zone written as a token of a note: an offset, `UTC`/`GMT` in any case, a known
 * abbreviation in capitals (short abbreviations are also words: `est`, `pt`) or an IANA zone.
 */
function zoneOfToken(token: string): string | null {
  const upper = token.toUpperCase();
  if (writtenOffset(token) !== null) return token;
  if (upper === 'UTC' || upper === 'GMT') return upper;
  if (ianaZone(token)) return token;
  if (PAIR.test(token)) return unpaired(token) === token ? null : unpaired(token);
  if (token !== upper || upper === 'Z' || upper === 'UT') return null;
  return ABBREVIATION_SHAPE.test(upper) && abbreviationReadings(upper) ? upper : null;
}

const NOTE_TRIGGER =
  /\b(?:all\s+(?:times|timestamps)|(?:times|timestamps)\s+(?:below\s+|above\s+|here\s+)?(?:are|in|shown|given|listed)|time\s*zone|tz)\b/gi;
const ZONE_TOKEN =
  /(?:UTC|GMT|UT)\s?[+\-\u2212]\d{1,2}(?::?\d{2})?|[+\-\u2212]\d{2}:?\d{2}|[A-Z_]+(?:\/[A-Z0-9_+-]+)*/gi;
/** Words between a note's trigger and its zone: `All times are listed in UTC`. */
const NOTE_FILLER = new Set(['are', 'is', 'in', 'listed', 'shown', 'given', 'the', 'at']);

/**
 * The first zone among the first `maxTokens` tokens of a text; with `unknownFirst`, an
 * unknown token shaped like a zone that comes first (after filler words) is returned too.
 */
function firstZoneToken(text: string, maxTokens: number, unknownFirst = false): string | null {
  let seen = 0;
  const words: string[] = [];
  let first = true;
  for (const match of text.matchAll(ZONE_TOKEN)) {
    const token = match[0];
    const zone = zoneOfToken(token);
    if (zone !== null) return zone;
    // Names of two to four words: `Pacific Time`, `Central European Summer Time`.
    if (/^time$/i.test(token)) {
      for (let n = 1; n <= Math.min(3, words.length); n++) {
        const name = `${words.slice(-n).join(' ')} ${token}`;
        if (namedZone(name)) return name;
      }
    }
    if (first && !NOTE_FILLER.has(token.toLowerCase())) {
      const zoneLike =
        (ABBREVIATION_SHAPE.test(token) && token.length > 2) || CAPITALIZED_IANA.test(token);
      if (unknownFirst && zoneLike && !isBlankText(token)) {
        return token;
      }
      first = false;
    }
    words.push(token);
    if (++seen >= maxTokens) break;
  }
  return null;
}

/**
 * The zone a note such as `All times in UTC.`, `All times are CET` or `(all times in
 * Pacific Time)` sets; null when the text holds no such note. A note that names an unknown
 * zone (`All times in XYZT`) gives it, to be reported.
 */
export function findZoneNote(text: string): string | null {
  for (const trigger of text.slice(0, 2000).matchAll(NOTE_TRIGGER)) {
    const from = trigger.index + trigger[0].length;
    const zone = firstZoneToken(text.slice(from, from + 60), 6, true);
    if (zone) return zone;
  }
  return null;
}

/** The zone a column header names, as in `Time (UTC)` or `Date and Time in CET`. */
export function findHeaderZone(header: string): string | null {
  return firstZoneToken(header.slice(0, 200), 12);
}
