/**
 * Durations as post-mortems state them (`54 minutes`, `1h 5m`, `1.5 hours`, `90 min`, `30s`,
 * `19 hours 43 minutes`, `2d 1h 29m`, a clock `0:05` or `00:40:00`, hours with bare minutes
 * `1h05` or `1 hr 30`, a bare `30` for minutes) or leave them (`?`, `???`, `TBD`, `YYY`), and
 * writing a duration back in the style of one that was written.
 */
import { matchAt } from '../markdown/chars';

type Unit = 'w' | 'd' | 'h' | 'm' | 's';

const UNITS: Unit[] = ['w', 'd', 'h', 'm', 's'];
const UNIT_MINUTES: Record<Unit, number> = { w: 10_080, d: 1440, h: 60, m: 1, s: 1 / 60 };
const NAMES: Record<'letter' | 'short' | 'word', Record<Unit, string>> = {
  letter: { w: 'w', d: 'd', h: 'h', m: 'm', s: 's' },
  short: { w: 'wk', d: 'day', h: 'hr', m: 'min', s: 'sec' },
  word: { w: 'week', d: 'day', h: 'hour', m: 'minute', s: 'second' },
};

const NUMBER = /\d{1,9}(?:\.\d{1,6})?/y;
const UNIT = /(weeks?|wks?|w|days?|d|hours?|hrs?|h|minutes?|mins?|m|seconds?|secs?|s)(?!\p{L})/iuy;
const JOINER = /[ \t]{0,3}(?:,|and|&)?[ \t]{0,3}/iy;
const PLACEHOLDER =
  /(?:\?{1,5}|tbd|tbc|todo|[xyz]{1,5}|\[[^\]\n]{1,40}\]|<[^>\n]{1,40}>)(?![\p{L}\p{N}?])/iuy;
const PREFIX = /(?:~|\u2248|approx(?:imately)?\.?|about|around|roughly)[ \t]{0,3}/iy;
/** `0:05`, `1:05:30`, `00:40:00`: hours and minutes, and seconds. */
const CLOCK = /(\d{1,3}):([0-5]\d)(?::([0-5]\d))?/y;
/** Minutes without a unit after hours: the `05` of `1h05`, the `30` of `1 hr 30`. */
const BARE_MINUTES = /[ \t]{0,2}([0-5]?\d)(?![\p{L}\p{N}])/uy;
/** What may not follow a value: more digits or a clock's colon (the value would be cut short). */
const CUT_SHORT = /[\d:]/y;

/** One number and its unit as written. */
interface Part {
  value: number;
  decimals: boolean;
  unit: Unit;
  /** The unit as written; empty for a bare number of minutes. */
  unitText: string;
  /** Whether a space stands between the number and the unit. */
  spaced: boolean;
}

/** A duration read from text. */
export interface ReadDuration {
  /** Where the value starts (after `~` or `approx.`) and ends. */
  start: number;
  end: number;
  /** Null for a placeholder. */
  minutes: number | null;
  parts: Part[];
  /** Joiner written between parts (`, ` or a space). */
  joiner: string;
  /** For a clock (`0:05`, `00:40:00`): the hours' digits and whether seconds are written. */
  clock?: { hourDigits: number; seconds: boolean };
}

function unitOf(text: string): Unit {
  const lower = text.toLowerCase();
  if (lower.startsWith('mi') || lower === 'm') return 'm';
  return lower[0] as Unit;
}

/** Reads a number with a unit at `i`: `54 minutes`, `1h`, `1.5 hours`; a bare number when `bare`. */
function readPart(s: string, i: number, limit: number, bare: boolean) {
  const number = matchAt(NUMBER, s, i, limit);
  if (!number) return null;
  const afterNumber = i + number[0].length;
  let j = afterNumber;
  while (j < limit && j - afterNumber < 2 && (s[j] === ' ' || s[j] === '\t')) j++;
  const unit = matchAt(UNIT, s, j, limit);
  const value = Number(number[0]);
  const decimals = number[0].includes('.');
  if (unit) {
    const unitText = unit[1]!;
    const part: Part = {
      value,
      decimals,
      unit: unitOf(unitText),
      unitText,
      spaced: j > afterNumber,
    };
    return { part, end: j + unitText.length };
  }
  if (!bare || /[\p{L}\p{N}]/u.test(s[afterNumber] ?? '')) return null;
  return {
    part: { value, decimals, unit: 'm' as Unit, unitText: '', spaced: false },
    end: afterNumber,
  };
}

/**
 * Reads a stated duration at `i` (up to `limit`): numbers with units, a bare number of
 * minutes, or a placeholder, which may carry a unit (`X minutes`). Null when there is none.
 */
export function readDuration(s: string, i: number, limit = s.length): ReadDuration | null {
  const start = i + (matchAt(PREFIX, s, i, limit)?.[0].length ?? 0);
  const placeholder = matchAt(PLACEHOLDER, s, start, limit);
  if (placeholder) {
    const end = start + placeholder[0].length;
    const unitStart = end + (s[end] === ' ' ? 1 : 0);
    const unit = unitStart > end ? matchAt(UNIT, s, unitStart, limit) : null;
    if (!unit) return { start, end, minutes: null, parts: [], joiner: ' ' };
    const unitText = unit[1]!;
    const part: Part = {
      value: 0,
      decimals: false,
      unit: unitOf(unitText),
      unitText,
      spaced: true,
    };
    return { start, end: unitStart + unitText.length, minutes: null, parts: [part], joiner: ' ' };
  }
  const clock = matchAt(CLOCK, s, start, limit);
  if (clock) {
    const end = start + clock[0].length;
    if (matchAt(CUT_SHORT, s, end, limit)) return null;
    const [, hours, minutes, seconds] = clock;
    return {
      start,
      end,
      minutes: Number(hours) * 60 + Number(minutes) + Number(seconds ?? 0) / 60,
      parts: [],
      joiner: ' ',
      clock: { hourDigits: hours!.length, seconds: seconds !== undefined },
    };
  }
  const first = readPart(s, start, limit, false);
  if (!first) {
    const bare = readPart(s, start, limit, true);
    if (!bare || matchAt(CUT_SHORT, s, bare.end, limit)) return null;
    return { start, end: bare.end, minutes: bare.part.value, parts: [bare.part], joiner: ' ' };
  }
  const parts = [first.part];
  let end = first.end;
  let joiner = ' ';
  for (;;) {
    const join = matchAt(JOINER, s, end, limit);
    const next = join && readPart(s, end + join[0].length, limit, false);
    if (!next) break;
    if (parts.length === 1 && join[0].includes(',')) joiner = ', ';
    parts.push(next.part);
    end = next.end;
  }
  const bare = parts.at(-1)!.unit === 'h' ? matchAt(BARE_MINUTES, s, end, limit) : null;
  if (bare) {
    const digits = bare[1]!;
    parts.push({
      value: Number(digits),
      decimals: false,
      unit: 'm',
      unitText: '',
      spaced: digits.length === 2,
    });
    joiner = bare[0].length > digits.length ? ' ' : '';
    end += bare[0].length;
  }
  if (matchAt(CUT_SHORT, s, end, limit)) return null;
  const minutes = parts.reduce((sum, part) => sum + part.value * UNIT_MINUTES[part.unit], 0);
  return { start, end, minutes, parts, joiner };
}

/** `minutes` as a clock like a written one: `0:40`, `00:40:00`, `26:05`. */
function clockLike(clock: NonNullable<ReadDuration['clock']>, minutes: number): string {
  const seconds = Math.round(minutes * 60);
  const pad = (n: number) => String(n).padStart(2, '0');
  const hours = String(Math.floor(seconds / 3600)).padStart(clock.hourDigits, '0');
  const text = `${hours}:${pad(Math.floor(seconds / 60) % 60)}`;
  return clock.seconds ? `${text}:${pad(seconds % 60)}` : text;
}

function style(unitText: string) {
  const lower = unitText.toLowerCase();
  const kind: keyof typeof NAMES =
    lower.length === 1 ? 'letter' : /^(?:wks?|hrs?|mins?|secs?)$/.test(lower) ? 'short' : 'word';
  return {
    kind,
    pluralShort: kind === 'short' && lower.endsWith('s'),
    capital: unitText !== '' && unitText[0] !== lower[0],
  };
}

function unitName(unit: Unit, n: number, written: ReturnType<typeof style>): string {
  let name = NAMES[written.kind][unit];
  const plural = n !== 1;
  if (plural && (written.kind === 'word' || unit === 'd' || written.pluralShort)) {
    if (written.kind !== 'letter') name += 's';
  }
  return written.capital ? name[0]!.toUpperCase() + name.slice(1) : name;
}

/**
 * Writes `minutes` in the style of a stated value: `54 minutes` → `2 minutes`, `1h 5m` →
 * `40m`, `12 min` → `20 min`, `2 hours` → `2 hours 30 minutes`, `???` → `40 minutes`. Whole
 * minutes unless the value had seconds or decimals.
 */
export function formatLike(valueText: string, minutes: number): string {
  const read = readDuration(valueText, 0);
  const sign = minutes < 0 ? '-' : '';
  const abs = Math.abs(minutes);
  if (read?.clock) return sign + clockLike(read.clock, abs);
  const parts = read?.parts ?? [];
  if (parts.length === 0) return formatLike('0 minutes', minutes);
  if (read?.minutes !== null && parts.length === 1 && parts[0]!.unitText === '') {
    return String(Math.round(minutes));
  }
  const written = style(parts[0]!.unitText);
  const space = parts[0]!.spaced ? ' ' : '';
  const last = parts.at(-1)!;
  if (parts.length > 1 && last.unitText === '') {
    // Hours and bare minutes: `1h05`, `1 hr 30`.
    const total = Math.round(abs);
    const hours = Math.floor(total / 60);
    const rest = String(total % 60).padStart(last.spaced ? 2 : 1, '0');
    return `${sign}${hours}${space}${unitName('h', hours, written)}${read!.joiner}${rest}`;
  }
  if (parts.length === 1 && parts[0]!.decimals) {
    const unit = parts[0]!.unit;
    const value = Number((abs / UNIT_MINUTES[unit]).toFixed(2));
    return `${sign}${value}${space}${unitName(unit, value, written)}`;
  }
  const indexes = parts.map((part) => UNITS.indexOf(part.unit));
  const largest = Math.min(...indexes);
  const smallest = Math.max(...indexes, UNITS.indexOf('m'));
  const base = UNITS[smallest]!;
  let rest = Math.round(abs / UNIT_MINUTES[base]);
  const pieces: string[] = [];
  for (let i = largest; i <= smallest; i++) {
    const unit = UNITS[i]!;
    const size = Math.round(UNIT_MINUTES[unit] / UNIT_MINUTES[base]);
    const n = Math.floor(rest / size);
    rest -= n * size;
    if (n > 0) pieces.push(`${n}${space}${unitName(unit, n, written)}`);
  }
  if (pieces.length === 0) pieces.push(`0${space}${unitName(base, 0, written)}`);
  return sign + pieces.join(read!.joiner);
}

/**
 * A duration for people, the one format of the lens, the view, the CLI and every message:
 * `0m`, `45s`, `7m`, `1h 5m`, `1d 2h 5m`, `59m 30s`. Every unit from the largest down, to the
 * second, so that two values a minute apart never read alike.
 */
export function formatDuration(minutes: number): string {
  let seconds = Math.round(Math.abs(minutes) * 60);
  const parts: string[] = [];
  for (const [unit, size] of [
    ['d', 86_400],
    ['h', 3600],
    ['m', 60],
    ['s', 1],
  ] as const) {
    const count = Math.floor(seconds / size);
    seconds -= count * size;
    if (count > 0) parts.push(`${count}${unit}`);
  }
  if (parts.length === 0) return '0m';
  return (minutes < 0 ? '-' : '') + parts.join(' ');
}
