/**
 * Time zones as post-mortems write them: abbreviations (`UTC`, `CET`, `PDT`), offsets
 * (`UTC+2`, `GMT-5`, `+01:00`, `+0100`), names (`Pacific Time`) and IANA zones from
 * configuration (`Europe/Copenhagen`), and the notes that set a timeline's zone
 * (`All times in UTC`, `(all times CET)`).
 */

/** Offsets from UTC in minutes of the abbreviations people write after times. */
const ABBREVIATIONS: ReadonlyMap<string, number> = new Map([
  ['UTC', 0],
  ['GMT', 0],
  ['UT', 0],
  ['Z', 0],
  ['WET', 0],
  ['WEST', 60],
  ['BST', 60],
  ['CET', 60],
  ['CEST', 120],
  ['EET', 120],
  ['EEST', 180],
  ['MSK', 180],
  // India, not Ireland or Israel: the reading most incident reports mean.
  ['IST', 330],
  ['SGT', 480],
  ['HKT', 480],
  ['AWST', 480],
  ['JST', 540],
  ['KST', 540],
  ['ACST', 570],
  ['AEST', 600],
  ['AEDT', 660],
  ['NZST', 720],
  ['NZDT', 780],
  ['HST', -600],
  ['AKST', -540],
  ['AKDT', -480],
  ['PST', -480],
  ['PDT', -420],
  ['MST', -420],
  ['MDT', -360],
  // North American Central, not China: the reading most incident reports mean.
  ['CST', -360],
  ['CDT', -300],
  ['EST', -300],
  ['EDT', -240],
]);

/** Zones whose offset depends on the date, by the names people write for them. */
const REGIONAL_ZONES: ReadonlyMap<string, string> = new Map([
  ['PT', 'America/Los_Angeles'],
  ['PACIFIC TIME', 'America/Los_Angeles'],
  ['MT', 'America/Denver'],
  ['MOUNTAIN TIME', 'America/Denver'],
  ['CT', 'America/Chicago'],
  ['CENTRAL TIME', 'America/Chicago'],
  ['ET', 'America/New_York'],
  ['EASTERN TIME', 'America/New_York'],
]);

const IANA_NAME =
  /^(?:Africa|America|Antarctica|Asia|Atlantic|Australia|Europe|Indian|Pacific|Etc)\/[A-Za-z_+\-0-9/]+$/;
const UTC_OFFSET = /^(?:UTC|GMT|UT)\s?([+\-\u2212])(\d{1,2})(?::?(\d{2}))?$/i;
const NUMERIC_OFFSET = /^([+\-\u2212])(\d{2})(?::?(\d{2}))?$/;

/** The fixed offset of a zone as written, in minutes; null when it has none or is unknown. */
export function fixedOffset(zone: string): number | null {
  const upper = zone.toUpperCase();
  const known = ABBREVIATIONS.get(upper);
  if (known !== undefined) return known;
  const match = UTC_OFFSET.exec(zone) ?? NUMERIC_OFFSET.exec(zone);
  if (!match) return null;
  const hours = Number(match[2]);
  const minutes = match[3] === undefined ? 0 : Number(match[3]);
  if (hours > 14 || minutes > 59) return null;
  const sign = match[1] === '+' ? 1 : -1;
  return sign * (hours * 60 + minutes);
}

const formatters = new Map<string, Intl.DateTimeFormat | null>();
const offsets = new Map<string, number>();

function formatterFor(ianaZone: string): Intl.DateTimeFormat | null {
  let formatter = formatters.get(ianaZone);
  if (formatter === undefined) {
    try {
      formatter = new Intl.DateTimeFormat('en-US', {
        timeZone: ianaZone,
        hourCycle: 'h23',
        year: 'numeric',
        month: 'numeric',
        day: 'numeric',
        hour: 'numeric',
        minute: 'numeric',
      });
    } catch {
      formatter = null;
    }
    formatters.set(ianaZone, formatter);
  }
  return formatter;
}

function ianaOffset(formatter: Intl.DateTimeFormat, utcMinutes: number): number {
  const parts: Record<string, number> = {};
  for (const part of formatter.formatToParts(new Date(utcMinutes * 60_000))) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  const local = Date.UTC(parts.year!, parts.month! - 1, parts.day!, parts.hour!, parts.minute!);
  return Math.round(local / 60_000 - Math.floor(utcMinutes));
}

/**
 * The offset of a zone from UTC in minutes at a moment (minutes since the Unix epoch, read
 * as UTC): fixed for abbreviations and offsets, looked up for IANA zones and regional names
 * such as `Pacific Time`. Null when the zone is unknown.
 */
export function zoneOffset(zone: string, atMinutes: number): number | null {
  const fixed = fixedOffset(zone);
  if (fixed !== null) return fixed;
  const regional = REGIONAL_ZONES.get(zone.replace(/\s+/g, ' ').toUpperCase());
  const iana = regional ?? (IANA_NAME.test(zone) ? zone : null);
  if (iana === null) return null;
  // Offsets change at most hourly, and a timeline's rows share few hours: cache per hour.
  const key = `${iana}|${Math.floor(atMinutes / 60)}`;
  const cached = offsets.get(key);
  if (cached !== undefined) return cached;
  const formatter = formatterFor(iana);
  if (!formatter) return null;
  // The zone's offset at the local time, read as UTC, is right except within a DST switch.
  const offset = ianaOffset(formatter, atMinutes - ianaOffset(formatter, atMinutes));
  if (offsets.size >= 10_000) offsets.clear();
  offsets.set(key, offset);
  return offset;
}

/**
 * A zone written as a token: an offset, `UTC`/`GMT` in any case, or a known abbreviation or
 * regional name in capitals (short abbreviations are also words: `est`, `pt`).
 */
function zoneOfToken(token: string): string | null {
  const upper = token.toUpperCase();
  if (UTC_OFFSET.test(token) || NUMERIC_OFFSET.test(token)) return token;
  if (upper === 'UTC' || upper === 'GMT') return upper;
  if (token !== upper) return null;
  if (ABBREVIATIONS.has(upper) && upper !== 'Z' && upper !== 'UT') return upper;
  if (REGIONAL_ZONES.has(upper)) return upper;
  return null;
}

const NOTE_TRIGGER = /\b(?:all\s+times|times\s+(?:are|in|shown|given|listed)|time\s*zone|tz)\b/i;
const ZONE_TOKEN =
  /(?:UTC|GMT|UT)\s?[+\-\u2212]\d{1,2}(?::?\d{2})?|[+\-\u2212]\d{2}:?\d{2}|[A-Z_]+(?:\/[A-Z_+\-0-9]+)*/gi;

function firstZoneToken(text: string, maxTokens: number): string | null {
  let seen = 0;
  let previousWord = '';
  for (const match of text.matchAll(ZONE_TOKEN)) {
    const token = match[0];
    const zone = zoneOfToken(token);
    if (zone !== null) return zone;
    // Two-word names: `Pacific Time`, `Eastern Time`.
    if (/^time$/i.test(token) && REGIONAL_ZONES.has(`${previousWord.toUpperCase()} TIME`)) {
      return `${previousWord} ${token}`;
    }
    if (IANA_NAME.test(token) && formatterFor(token)) return token;
    previousWord = token;
    if (++seen >= maxTokens) break;
  }
  return null;
}

/**
 * The zone a note such as `All times in UTC.`, `All times are CET` or `(all times in
 * Pacific Time)` sets; null when the text holds no such note.
 */
export function findZoneNote(text: string): string | null {
  const trigger = NOTE_TRIGGER.exec(text);
  if (!trigger) return null;
  const after = text.slice(
    trigger.index + trigger[0].length,
    trigger.index + trigger[0].length + 60,
  );
  return firstZoneToken(after, 6);
}

/** The zone a column header names, as in `Time (UTC)` or `Date and Time in CET`. */
export function findHeaderZone(header: string): string | null {
  return firstZoneToken(header.slice(0, 200), 12);
}

/** Whether a capitalized word written after a time is a zone (`CET`, `PDT`, `PT`). */
export function isZoneAbbreviation(word: string): boolean {
  return (
    word !== 'UT' && (ABBREVIATIONS.has(word) || (REGIONAL_ZONES.has(word) && word.length === 2))
  );
}
