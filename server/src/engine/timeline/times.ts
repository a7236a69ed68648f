/**
 * Reads the times timelines write (SPEC §2) at the start of a table cell, list item or line:
 * `13:05`, `1:05 PM`, `14h02`, `15.26`, `noon`, `2025-03-15T13:05:30Z`, `Mar 15, 13:05`,
 * `15 March 2025 1:05 PM`, `15.03.2025`, `03/15/2025`, `15-Mar-2025`, `19. April`, `02-03 14:32`,
 * `2022-02-02 1625`, `Dec 16th **12:43**` (markup between a date and its time), a date alone,
 * a zone after the time, approximate times, ranges and unknown times (`22:XX`, `2022-02-02 X`).
 *
 * Decisions where the spec is silent:
 * - `DD-MM-YYYY` and `DD.MM.YYYY` are day first; `a/b/YYYY` is read in the order the caller
 *   gives (the document's, `dateOrder`), a part over 12 settling it for that date whatever the
 *   order; with neither, it is read month first and marked `dateOrderUnsettled`.
 * - `MM-DD` without a year, `HHMM` (`1625`) and a lone `X` are read only after a date and,
 *   for `MM-DD`, before a time: alone they are too often counts, ranges or words.
 * - `15.26` needs a two-digit hour or AM/PM (`7.30pm`): `2.50 ms` is a measurement.
 * - `17:14pm` is the 24-hour time it writes, and does not make a timeline 12-hour;
 *   `17:14am` is not a time.
 * - `noon` and `midnight` have no hour as written, so they never make a 12-hour timeline.
 *
 * A hand-written scanner with bounded look-ahead: each read costs time proportional to the
 * time text, whatever follows it, so long runs of digits, colons or times stay linear.
 */
import type { DateOrder } from '../model';
import { fixedOffset, isZoneAfterTime } from './zones';
import { matchAt } from '../markdown/chars';

/** A calendar date; `year` is null where the text gave a month and day only (`Mar 15`). */
export interface DateParts {
  year: number | null;
  month: number;
  day: number;
}

/** How a time was written, so that new times can be written alike. */
export interface TimeStyle {
  /** `numeric`: `15.03.2025`, `03/15/2025`; `iso` without a year is `03-15`. */
  date: 'iso' | 'slash' | 'month-day' | 'day-month' | 'numeric' | null;
  /** Of a `numeric` date, whether the day comes first. */
  dayFirst: boolean;
  /** Between the parts of a `numeric` or `day-month` date: `.`, `-`, `/`, ` `. */
  datePartSeparator: string;
  longMonth: boolean;
  year: boolean;
  /** Between the date and the time: ` `, `T`, `, `. */
  dateSeparator: string;
  /** Digits of the hour as written. */
  hourDigits: number;
  /** Between the hour and the minutes: `:`, `h`, `.`, or `` for `1625`. */
  clockSeparator: string;
  seconds: boolean;
  /** AM/PM as written, with any space before it: ` PM`, `pm`, ` p.m.`. */
  meridiem: string | null;
  /** The zone as written after the time, with any space before it: ` UTC`, `Z`, `+01:00`. */
  zone: string | null;
}

/** A time read from text. */
export interface ParsedTime {
  /** Offset just past the time text. */
  end: number;
  date: DateParts | null;
  /** Minutes since midnight, seconds as a fraction; null for a date alone or an unknown time. */
  minuteOfDay: number | null;
  /** `--:--`, `??:??`, `14:??`, `TBD`: a time the author did not know. */
  unknown: boolean;
  meridiem: boolean;
  /** The hour as written; without AM/PM, 1 to 12 is ambiguous in a 12-hour timeline. */
  hour: number | null;
  /** The zone written after the time (`UTC`, `CET`, `UTC+2`, `+01:00`, `Z`). */
  zone: string | null;
  /** The written zone's offset in minutes when it is fixed; null otherwise. */
  zoneOffset: number | null;
  approximate: boolean;
  /** End of a range such as `09:00 - 11:00`, minutes since midnight; null when none or unknown. */
  rangeEndMinuteOfDay: number | null;
  /** A `a/b/YYYY` date with both parts 12 or less, read month first for want of an order. */
  dateOrderUnsettled: boolean;
  style: TimeStyle;
}

interface Clock {
  end: number;
  minuteOfDay: number | null;
  unknown: boolean;
  hour: number | null;
  hourDigits: number;
  separator: string;
  seconds: boolean;
  meridiem: string | null;
}

interface ReadDate {
  parts: DateParts;
  end: number;
  style: TimeStyle['date'];
  longMonth: boolean;
  dayFirst: boolean;
  partSeparator: string;
  /** `MM-DD`: a date only when a time follows it. */
  needsClock: boolean;
  orderUnsettled: boolean;
}

interface ReadZone {
  end: number;
  zone: string;
  offset: number | null;
}

const MONTHS =
  /(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?(?![a-z])/iy;
const MONTH_INDEX = [
  'jan',
  'feb',
  'mar',
  'apr',
  'may',
  'jun',
  'jul',
  'aug',
  'sep',
  'oct',
  'nov',
  'dec',
];
const WEEKDAY =
  /(?:mon(?:day)?|tue(?:s(?:day)?)?|wed(?:nesday)?|thu(?:rs?(?:day)?)?|fri(?:day)?|sat(?:urday)?|sun(?:day)?)\.?,?[ \t]{1,3}/iy;
const APPROX_PREFIX =
  /(?:[~\u2248]|(?:approx(?:imately)?\.?|around|about|circa|ca\.|roughly)(?![a-z]))[ \t]{0,3}/iy;
const APPROX_SUFFIX = /~|[ \t]{0,3}\((?:approx(?:imately)?\.?|est\.?|estimated|ish)\)/iy;
const ORDINAL = /(?:st|nd|rd|th)(?![a-z])/iy;
/** Between a date and its clock: `Dec 16 at 12:43`, `2024-03-13 @ 09:00`. */
const AT = /(?:at|@)[ \t]{1,3}/iy;
const UNKNOWN_CLOCK =
  /(?:--:--(?::--)?|[?xX]{1,2}:[?xX]{2}(?::[?xX]{2})?|\d{1,2}:[?xX]{2}(?::[?xX]{2})?|tbd|tbc|\?{1,3})(?![\p{L}\p{N}?])/iuy;
/** An unknown time after a date: `2022-02-02 X` (not `X-ray`, `X's`). */
const UNKNOWN_AFTER_DATE = /[xX]{1,2}(?![\p{L}\p{N}?'\u2019-])/uy;
const NAMED_TIME = /(?:12[ \t]?)?(noon|midnight)(?![\p{L}\p{N}])/iuy;
/** A date the author did not know in full: `2022-05-??`, `2022-??-??`. */
const UNKNOWN_DATE =
  /\d{4}([-/])(?:\d{1,2}|\?{1,2})\1\?{1,2}(?![\p{L}\p{N}?])|\d{4}([-/])\?{1,2}\2\d{1,2}(?![\p{L}\p{N}?])/uy;
const MERIDIEM = /[ \t]?([ap])\.?m\.?(?![a-z])/iy;
const RANGE = /[ \t]{0,3}[-\u2013\u2014][ \t]{0,3}|[ \t]{1,3}(?:to|until|till)[ \t]{1,3}/iy;
const ZONE_WORD =
  /(?:UTC|GMT)(?:[ \t]?[+\-\u2212]\d{1,2}(?::?\d{2})?)?(?![\p{L}\p{N}])|[A-Za-z_]{2,32}(?:\/[A-Za-z0-9_+-]{1,32}){1,2}(?![\p{L}\p{N}/])|[A-Z]{1,5}(?![\p{L}\p{N}&'])/uy;
/** What may close the text of a time and its zone: markup, a bracket, a parenthesis. */
const TIME_TEXT_CLOSERS = new Set(['*', '_', '`', ']', ')']);
const NUMERIC_ZONE = /[+\-\u2212]\d{2}(?::?\d{2})?(?!\d)/y;
const SPACED_NUMERIC_ZONE = /[+\-\u2212]\d{2}:?\d{2}(?!\d)/y;
const TIME_LIKE =
  /(?:[0-9Hh?xX]{1,2}:[0-9Mm?xX]{2}|(?:\d{4}|20[xX]{2}|[Yy]{4})[-/][0-9MmXx?]{1,2}[-/])/y;

function isDigit(s: string, i: number): boolean {
  const c = s.charCodeAt(i);
  return c >= 48 && c <= 57;
}

/** Whether the character at `i` is a letter or digit (any script). */
/** A letter or digit. (A literal in the function would make a new object per call.) */
const WORD_CHAR = /[\p{L}\p{N}]/u;

export function isWordChar(s: string, i: number): boolean {
  return i >= 0 && i < s.length && WORD_CHAR.test(s[i]!);
}

/** Reads exactly `min` to `max` digits at `i` (a longer run fails). */
function digits(s: string, i: number, limit: number, min: number, max: number) {
  let j = i;
  while (j < limit && j - i < max && isDigit(s, j)) j++;
  if (j - i < min || (j < limit && isDigit(s, j))) return null;
  // The value from the digits' codes: no string cut out per number read.
  let value = 0;
  for (let k = i; k < j; k++) value = value * 10 + s.charCodeAt(k) - 48;
  return { value, end: j };
}

function blanks(s: string, i: number, limit: number, max: number): number {
  let j = i;
  while (j < limit && j - i < max && (s[j] === ' ' || s[j] === '\t' || s[j] === '\u00a0')) j++;
  return j;
}

/** The months of thirty days. */
const THIRTY_DAYS = [4, 6, 9, 11];

function daysInMonth(year: number | null, month: number): number {
  if (month === 2) {
    if (year === null) return 29;
    return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  }
  return THIRTY_DAYS.includes(month) ? 30 : 31;
}

function validDate(year: number | null, month: number, day: number): DateParts | null {
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return { year, month, day };
}

function readYear(s: string, i: number, limit: number) {
  const j = blanks(s, s[i] === ',' ? i + 1 : i, limit, 3);
  if (j === i || (j === i + 1 && s[i] === ',')) return null;
  const year = digits(s, j, limit, 4, 4);
  if (!year || s[year.end] === ':') return null;
  return year;
}

function monthAt(s: string, i: number, limit: number) {
  const match = matchAt(MONTHS, s, i, limit);
  if (!match) return null;
  const name = match[1]!.toLowerCase();
  return {
    month: MONTH_INDEX.indexOf(name.slice(0, 3)) + 1,
    end: i + match[0].length,
    long: name.length > 3,
  };
}

function dateRead(
  parts: DateParts,
  end: number,
  style: TimeStyle['date'],
  more: Partial<ReadDate> = {},
): ReadDate {
  return {
    parts,
    end,
    style,
    longMonth: false,
    dayFirst: false,
    partSeparator: ' ',
    needsClock: false,
    orderUnsettled: false,
    ...more,
  };
}

/**
 * A numeric date with the day or month first: `15.03.2025`, `15-03-2025`, `03/15/2025`,
 * `15/03/2025` (in `order`, else as its parts settle it), `02-03` before a time.
 */
function readNumericDate(
  s: string,
  i: number,
  limit: number,
  order: DateOrder | null,
): ReadDate | null {
  const a = digits(s, i, limit, 1, 2);
  const sep = a ? s[a.end] : undefined;
  if (!a || (sep !== '-' && sep !== '.' && sep !== '/')) return null;
  const b = digits(s, a.end + 1, limit, 1, 2);
  if (!b) return null;
  if (s[b.end] !== sep) {
    // `MM-DD` without a year, two digits each.
    if (sep !== '-' || a.end - i !== 2 || b.end - a.end !== 3) return null;
    const parts = validDate(null, a.value, b.value);
    return parts && dateRead(parts, b.end, 'iso', { partSeparator: '-', needsClock: true });
  }
  const year = digits(s, b.end + 1, limit, 4, 4);
  if (!year || s[year.end] === sep) return null;
  const settled = a.value > 12 || b.value > 12 || a.value === b.value;
  const dayFirst = sep !== '/' || (settled ? a.value > 12 : order === 'day-month');
  const [day, month] = dayFirst ? [a.value, b.value] : [b.value, a.value];
  const parts = validDate(year.value, month, day);
  if (!parts) return null;
  return dateRead(parts, year.end, 'numeric', {
    dayFirst,
    partSeparator: sep,
    orderUnsettled: sep === '/' && !settled && order === null,
  });
}

/**
 * Reads a date at `i`: `2025-03-15`, `2025/03/15`, `Mar 15`, `Dec 16th`, `March 15, 2025`,
 * `15 March 2025`, `19. April`, `15-Mar-2025`, and the numeric dates of `readNumericDate`.
 */
function readDate(s: string, i: number, limit: number, order: DateOrder | null): ReadDate | null {
  const year = digits(s, i, limit, 4, 4);
  if (year) {
    const sep = s[year.end];
    if (sep !== '-' && sep !== '/') return null;
    const month = digits(s, year.end + 1, limit, 1, 2);
    if (!month || s[month.end] !== sep) return null;
    const day = digits(s, month.end + 1, limit, 1, 2);
    const parts = day && validDate(year.value, month.value, day.value);
    if (!day || !parts) return null;
    return dateRead(parts, day.end, sep === '-' ? 'iso' : 'slash');
  }
  const named = monthAt(s, i, limit);
  if (named) {
    const dayStart = blanks(s, named.end, limit, 3);
    const d = dayStart > named.end ? digits(s, dayStart, limit, 1, 2) : null;
    if (!d) return null;
    const end = matchAt(ORDINAL, s, d.end, limit)?.[0].length ?? 0;
    const y = readYear(s, d.end + end, limit);
    const parts = validDate(y?.value ?? null, named.month, d.value);
    if (!parts) return null;
    return dateRead(parts, y?.end ?? d.end + end, 'month-day', { longMonth: named.long });
  }
  const d = digits(s, i, limit, 1, 2);
  if (!d) return null;
  if (s[d.end] === '-' && !isDigit(s, d.end + 1)) return readDashedDayMonth(s, d, limit);
  const numeric = readNumericDate(s, i, limit, order);
  if (numeric) return numeric;
  const ordinal = matchAt(ORDINAL, s, d.end, limit)?.[0].length ?? 0;
  // `19. April`: a day with a dot, written in German and Nordic reports.
  const dot = ordinal === 0 && s[d.end] === '.' ? 1 : 0;
  const monthStart = blanks(s, d.end + ordinal + dot, limit, 3);
  if (monthStart === d.end + ordinal + dot) return null;
  const month = monthAt(s, monthStart, limit);
  if (!month) return null;
  const y = readYear(s, month.end, limit);
  const parts = validDate(y?.value ?? null, month.month, d.value);
  if (!parts) return null;
  return dateRead(parts, y?.end ?? month.end, 'day-month', { longMonth: month.long });
}

/** `15-Mar-2025`: a day, a month name and a year between dashes. */
function readDashedDayMonth(
  s: string,
  d: { value: number; end: number },
  limit: number,
): ReadDate | null {
  const month = monthAt(s, d.end + 1, limit);
  if (!month || s[month.end] !== '-') return null;
  const year = digits(s, month.end + 1, limit, 4, 4);
  const parts = year && validDate(year.value, month.month, d.value);
  if (!year || !parts) return null;
  return dateRead(parts, year.end, 'day-month', { longMonth: month.long, partSeparator: '-' });
}

function unknownClock(end: number): Clock {
  return {
    end,
    minuteOfDay: null,
    unknown: true,
    hour: null,
    hourDigits: 0,
    separator: ':',
    seconds: false,
    meridiem: null,
  };
}

/** The minutes after the hour: `:05`, `h02` (`14h02`), `.26` (`15.26`), or none. */
function minutesAt(s: string, end: number, limit: number) {
  const c = s[end];
  if (c !== ':' && c !== 'h' && c !== 'H' && c !== '.') return null;
  const m = digits(s, end + 1, limit, 2, 2);
  if (!m || (c === '.' && isNumberGoingOn(s, m.end))) return null;
  return { value: m.value, end: m.end, separator: c === 'H' ? 'h' : c };
}

/** After `15.26` or `1625`: `.4`, `,5` or `%` make it a number (`1.24.0`, `10.50%`), not a time. */
function isNumberGoingOn(s: string, i: number): boolean {
  return s[i] === '%' || ((s[i] === '.' || s[i] === ',') && isDigit(s, i + 1));
}

/**
 * Reads a clock time at `i`: `13:05`, `13:05:30.5`, `1:05 PM`, `1pm`, `14h02`, `15.26`, `noon`,
 * `--:--`, `14:??`, `22:XX`, `TBD`; after a date also `1625` and `X`.
 */
function readClock(s: string, i: number, limit: number, afterDate = false): Clock | null {
  const unknown =
    matchAt(UNKNOWN_CLOCK, s, i, limit) ??
    (afterDate ? matchAt(UNKNOWN_AFTER_DATE, s, i, limit) : null);
  if (unknown) return unknownClock(i + unknown[0].length);
  const named = matchAt(NAMED_TIME, s, i, limit);
  if (named) {
    return {
      ...unknownClock(i + named[0].length),
      minuteOfDay: named[1]!.toLowerCase() === 'noon' ? 720 : 0,
      unknown: false,
      hourDigits: 2,
    };
  }
  let compact = afterDate ? digits(s, i, limit, 4, 4) : null;
  if (compact && isNumberGoingOn(s, compact.end)) compact = null;
  const hour = compact
    ? { value: Math.floor(compact.value / 100), end: i + 2 }
    : digits(s, i, limit, 1, 2);
  if (!hour) return null;
  let end = hour.end;
  let minute = 0;
  let second = 0;
  let seconds = false;
  const m = compact
    ? { value: compact.value % 100, end: compact.end, separator: '' }
    : minutesAt(s, end, limit);
  if (m) {
    minute = m.value;
    end = m.end;
    const sec = m.separator === ':' && s[end] === ':' ? digits(s, end + 1, limit, 2, 2) : null;
    if (sec) {
      second = sec.value;
      end = sec.end;
      seconds = true;
      if ((s[end] === '.' || s[end] === ',') && isDigit(s, end + 1)) {
        const fraction = digits(s, end + 1, limit, 1, 9);
        if (fraction) {
          second += Number(`0.${s.slice(end + 1, fraction.end)}`);
          end = fraction.end;
        }
      }
    }
  }
  const meridiem = matchAt(MERIDIEM, s, end, limit);
  if (!m && !meridiem) return null;
  if (m?.separator === '.' && !meridiem && hour.end - i !== 2) return null;
  if (minute > 59 || second >= 60) return null;
  let h = hour.value;
  if (meridiem) {
    const pm = meridiem[1]!.toLowerCase() === 'p';
    // `17:14pm` says the same twice; `17:14am` contradicts itself.
    if (h < 1 || h > 23 || (h > 12 && (!pm || !m))) return null;
    if (h <= 12) h = (h % 12) + (pm ? 12 : 0);
    end += meridiem[0].length;
  } else if (h > 23) return null;
  const twelveHour = meridiem !== null && hour.value <= 12;
  return {
    end,
    minuteOfDay: h * 60 + minute + second / 60,
    unknown: false,
    hour: hour.value,
    hourDigits: hour.end - i,
    separator: m ? m.separator : ':',
    seconds,
    meridiem: twelveHour ? meridiem[0] : null,
  };
}

/** Reads a zone after a time: `Z`, `+01:00`, ` UTC`, ` CET`, ` UTC+2`, ` (UTC+2)`, ` +0100`. */
function readZone(s: string, i: number, limit: number, attachedMinus: boolean): ReadZone | null {
  if (s[i] === 'Z' && !isWordChar(s, i + 1)) return { end: i + 1, zone: 'Z', offset: 0 };
  const attached = matchAt(NUMERIC_ZONE, s, i, limit);
  if (attached && (s[i] !== '-' || attachedMinus)) {
    return { end: i + attached[0].length, zone: attached[0], offset: fixedOffset(attached[0]) };
  }
  let j = blanks(s, i, limit, 3);
  if (j === i) return null;
  const parenthesized = s[j] === '(';
  if (parenthesized) j++;
  const word = matchAt(ZONE_WORD, s, j, limit) ?? matchAt(SPACED_NUMERIC_ZONE, s, j, limit);
  if (!word) return null;
  const zone = word[0];
  let end = j + zone.length;
  if (parenthesized) {
    if (s[end] !== ')') return null;
    end++;
  }
  if (!isZoneAfterTime(zone, parenthesized || endsTimeText(s, end, limit))) return null;
  return { end, zone: zone.replace(/[ \t]/g, ''), offset: fixedOffset(zone) };
}

/**
 * Whether the time text ends at `i`: at the end of the cell or line, before closing markup,
 * or before a separator and its event (` - `, ` | `), not before more words.
 */
function endsTimeText(s: string, i: number, limit: number): boolean {
  if (i >= limit || TIME_TEXT_CLOSERS.has(s[i]!)) return true;
  const j = blanks(s, i, limit, 3);
  if (j >= limit || s[j] === '\n' || s[j] === '\r') return true;
  return j > i && '-\u2013\u2014|'.includes(s[j]!) && (j + 1 >= limit || /\s/.test(s[j + 1]!));
}

function approxSuffix(s: string, i: number, limit: number): number {
  const match = matchAt(APPROX_SUFFIX, s, i, limit);
  return match ? i + match[0].length : i;
}

/** Markup between a date and its time: `Dec 16th **12:43**`, `**Dec 16th** 12:43`. */
function markupRun(s: string, i: number, limit: number): number {
  let j = i;
  while (j < limit && j - i < 2 && (s[j] === '*' || s[j] === '_' || s[j] === '`')) j++;
  return j;
}

/**
 * Reads a time at `start` (nothing skipped before it), up to `limit`. Returns null when the
 * text there is not a time; the caller checks what follows `end`. `order` is the order of the
 * document's numeric `a/b/YYYY` dates, when known.
 */
export function readTime(
  s: string,
  start = 0,
  limit = s.length,
  order: DateOrder | null = null,
): ParsedTime | null {
  let i = start;
  const prefix = matchAt(APPROX_PREFIX, s, i, limit);
  if (prefix) i += prefix[0].length;
  let approximate = prefix !== null;
  const weekday = matchAt(WEEKDAY, s, i, limit);
  if (weekday) i += weekday[0].length;

  const style: TimeStyle = {
    date: null,
    dayFirst: false,
    datePartSeparator: ' ',
    longMonth: false,
    year: false,
    dateSeparator: ' ',
    hourDigits: 2,
    clockSeparator: ':',
    seconds: false,
    meridiem: null,
    zone: null,
  };
  const date = readDate(s, i, limit, order);
  const unknownDate = date ? null : matchAt(UNKNOWN_DATE, s, i, limit);
  if (unknownDate) return readUnknownDate(s, i + unknownDate[0].length, limit, approximate, style);
  let clockStart = i;
  if (date) {
    style.date = date.style;
    style.dayFirst = date.dayFirst;
    style.datePartSeparator = date.partSeparator;
    style.longMonth = date.longMonth;
    style.year = date.parts.year !== null;
    clockStart = date.end;
    if ((date.style === 'iso' || date.style === 'slash') && s[clockStart] === 'T') {
      style.dateSeparator = 'T';
      clockStart++;
    } else {
      // Markup may close after the date or open before the time: `**Dec 16th** 12:43`.
      const closed = markupRun(s, clockStart, limit);
      const comma = s[closed] === ',' ? 1 : 0;
      const afterBlanks = blanks(s, closed + comma, limit, 16);
      if (afterBlanks === closed + comma) clockStart = -1;
      else {
        style.dateSeparator = comma ? ', ' : ' ';
        clockStart = afterBlanks + (matchAt(AT, s, afterBlanks, limit)?.[0].length ?? 0);
        clockStart = markupRun(s, clockStart, limit);
      }
    }
  }
  const clock = clockStart >= 0 ? readClock(s, clockStart, limit, date !== null) : null;
  if (!clock && (!date || date.needsClock)) return null;
  const dateOrderUnsettled = date?.orderUnsettled ?? false;
  if (!clock) {
    return clockless(
      date!.end,
      { date: date!.parts, unknown: false, dateOrderUnsettled },
      approximate,
      style,
    );
  }
  style.hourDigits = clock.hourDigits;
  style.clockSeparator = clock.separator;
  style.seconds = clock.seconds;
  style.meridiem = clock.meridiem;

  let end = clock.end;
  let zone: ReadZone | null = null;
  let rangeEnd: number | null = null;
  const attachedMinus = style.dateSeparator === 'T' || clock.seconds;
  if (!clock.unknown) {
    let next = approxSuffix(s, end, limit);
    approximate ||= next > end;
    end = next;
    zone = readZone(s, end, limit, attachedMinus);
    if (zone) {
      style.zone = s.slice(end, zone.end);
      end = zone.end;
    }
    next = approxSuffix(s, end, limit);
    approximate ||= next > end;
    end = next;
  }
  const range = matchAt(RANGE, s, end, limit);
  if (range) {
    const endStart = end + range[0].length;
    const endClock = readClock(s, endStart, limit);
    // An unknown end must look like a clock (`12:??`): `10:00 - TBD` is a time and a note.
    const usable = endClock && (!endClock.unknown || s.slice(endStart, endClock.end).includes(':'));
    if (endClock && usable && !isWordChar(s, endClock.end)) {
      rangeEnd = endClock.minuteOfDay;
      end = endClock.end;
      if (!zone && !clock.unknown) {
        zone = readZone(s, end, limit, attachedMinus);
        if (zone) {
          style.zone = s.slice(end, zone.end);
          end = zone.end;
        }
      }
      const next = approxSuffix(s, end, limit);
      approximate ||= next > end;
      end = next;
    }
  }
  return {
    end,
    date: date?.parts ?? null,
    minuteOfDay: clock.minuteOfDay,
    unknown: clock.unknown,
    meridiem: clock.meridiem !== null,
    hour: clock.hour,
    zone: zone?.zone ?? null,
    zoneOffset: zone?.offset ?? null,
    approximate,
    rangeEndMinuteOfDay: rangeEnd,
    dateOrderUnsettled,
    style,
  };
}

/** A date with `??` parts, and the time after it if any: unknown, whatever the time. */
function readUnknownDate(
  s: string,
  end: number,
  limit: number,
  approximate: boolean,
  style: TimeStyle,
): ParsedTime | null {
  const clockStart = blanks(s, end, limit, 16);
  const clock = clockStart > end ? readClock(s, clockStart, limit) : null;
  // `2022-05-?? HH:mm` is a placeholder left in, not a time the author did not know.
  if (!clock && clockStart > end && looksLikeTime(s, clockStart, limit)) return null;
  return clockless(
    clock && !isWordChar(s, clock.end) ? clock.end : end,
    { date: null, unknown: true, dateOrderUnsettled: false },
    approximate,
    style,
  );
}

/** A reading without a clock: a date alone, or a time the author did not know. */
function clockless(
  end: number,
  what: Pick<ParsedTime, 'date' | 'unknown' | 'dateOrderUnsettled'>,
  approximate: boolean,
  style: TimeStyle,
): ParsedTime {
  return {
    end,
    ...what,
    minuteOfDay: null,
    meridiem: false,
    hour: null,
    zone: null,
    zoneOffset: null,
    approximate,
    rangeEndMinuteOfDay: null,
    style,
  };
}

/**
 * Finds the first date anywhere in a text, such as a sub-heading `### Tuesday 2026-03-03` or
 * `### March 2, 2026`; with `withYear`, the first that has a year.
 */
export function findDate(
  text: string,
  order: DateOrder | null = null,
  withYear = false,
): DateParts | null {
  for (let i = 0; i < text.length; i++) {
    if (isWordChar(text, i - 1) || !isWordChar(text, i)) continue;
    const date = readDate(text, i, text.length, order);
    if (!date || date.needsClock || isWordChar(text, date.end)) continue;
    if (!withYear || date.parts.year !== null) return date.parts;
  }
  return null;
}

/**
 * The order that the document's numeric `a/b/YYYY` dates settle: a part over 12 says which is
 * the day (`15/03/2025`, `03/15/2025`). Null when no date settles it, or two disagree. One pass
 * over the slashes of the text.
 */
export function findDateOrder(text: string): DateOrder | null {
  let found: DateOrder | null = null;
  for (let at = text.indexOf('/'); at >= 0; at = text.indexOf('/', at + 1)) {
    let i = at;
    while (i > 0 && at - i < 2 && isDigit(text, i - 1)) i--;
    if (i === at || isWordChar(text, i - 1)) continue;
    const date = readNumericDate(text, i, text.length, null);
    if (!date || date.partSeparator !== '/' || isWordChar(text, date.end)) continue;
    if (date.orderUnsettled || date.parts.day === date.parts.month) continue;
    const order: DateOrder = date.dayFirst ? 'day-month' : 'month-day';
    if (found !== null && found !== order) return null;
    found = order;
    at = date.end;
  }
  return found;
}

/**
 * Whether the text at `i` is shaped like a time or date without being one a timeline can
 * use: `HH:mm`, `25:00`, `20xx-MM-DD`. Such a start makes a line an unreadable entry.
 */
export function looksLikeTime(s: string, i: number, limit = s.length): boolean {
  return matchAt(TIME_LIKE, s, i, limit) !== null;
}

/** Days since the Unix epoch of a date (a missing year reads as 1970, the undated axis). */
export function dayNumber(date: DateParts): number {
  return Date.UTC(date.year ?? 1970, date.month - 1, date.day) / 86_400_000;
}

/** Day numbers formatted lately (a report spans few days), at most `MAX_ISO_DATES`. */
const isoDates = new Map<number, string>();
const MAX_ISO_DATES = 1024;

/** `YYYY-MM-DD` of a day number. */
export function isoDate(day: number): string {
  let date = isoDates.get(day);
  if (date === undefined) {
    date = new Date(day * 86_400_000).toISOString().slice(0, 10);
    if (isoDates.size >= MAX_ISO_DATES) isoDates.clear();
    isoDates.set(day, date);
  }
  return date;
}
