/**
 * The time an entry starts with (SPEC §2): at the start of a line, list item or sub-heading,
 * possibly in markup (`**10:00**`, `` `10:00` ``), in brackets (`[08:47]`, `[???]`), or after a
 * date in its own markup (`Dec 16th **12:43**`). Text
 * shaped like a time that cannot be read (`HH:mm`, `2024-03-13 HH:mm`) is an unreadable time.
 */
import type { Heading } from 'mdast';
import type { DateOrder } from '../model';
import { isWordChar, looksLikeTime, readTime, type ParsedTime } from './times';

/** Markup that may wrap a time: bold, emphasis, code. */
const MARKUP = new Set(['*', '_', '`']);
/** What may stand between a time and its event. */
const SEPARATORS = new Set([' ', '\t', '-', '\u2013', '\u2014', ':', '|', ',', '*', '_', '`']);
const TIMEISH_TOKEN = /^[\dA-Za-z?:\-/.~]+$/;

/** The time a line or heading starts with. */
export interface LeadingTime {
  /**
   * Offsets of the time text: inside its brackets and markup (`10:00`), or for a date and a
   * time in its own markup, from the date through the time's closing markup.
   */
  time: [number, number];
  /** Null when the text is shaped like a time but cannot be read. */
  parsed: ParsedTime | null;
  /** Where the event starts, past the markup and separators after the time. */
  rest: number;
}

function skip(text: string, set: Set<string>, from: number, to: number, most: number): number {
  let i = from;
  while (i < to && i - from < most && set.has(text[i]!)) i++;
  return i;
}

/** The end of text shaped like a time that could not be read: `20xx-MM-DD HH:mm`. */
function timeishEnd(text: string, from: number, to: number): number {
  let end = from;
  let i = from;
  for (let tokens = 0; tokens < 3 && i < to; tokens++) {
    let j = i;
    while (j < to && !/\s/.test(text[j]!)) j++;
    const token = text.slice(i, j);
    if (!TIMEISH_TOKEN.test(token) || (tokens > 0 && !/[\d:?]/.test(token))) break;
    end = j;
    i = j;
    while (i < to && /\s/.test(text[i]!)) i++;
  }
  while (end > from && /[-:|,.]/.test(text[end - 1]!)) end--;
  return end;
}

/** An unreadable time from `from`, through the tokens shaped like one. */
function unreadable(text: string, from: number, to: number): LeadingTime {
  const end = timeishEnd(text, from, to);
  return { time: [from, end], parsed: null, rest: skip(text, SEPARATORS, end, to, Infinity) };
}

/**
 * The end of a time read as far as `end`, past the markup that closes markup inside it: the
 * time of `Dec 16th **12:43**` is read up to `12:43` and its `**` closes with it.
 */
function closedEnd(text: string, start: number, end: number, to: number): number {
  let inside = 0;
  for (let i = start; i < end; i++) if (MARKUP.has(text[i]!)) inside++;
  return inside > 0 ? skip(text, MARKUP, end, to, inside) : end;
}

/**
 * The time that `[from, to)` starts with, numeric dates read in `order` (`document-dates.ts`);
 * null when it does not start with one.
 */
export function leadingTime(
  text: string,
  from: number,
  to: number,
  order: DateOrder | null = null,
): LeadingTime | null {
  let i = skip(text, MARKUP, from, to, 4);
  const bracket = text[i] === '[';
  if (bracket) i++;
  let parsed = readTime(text, i, to, order);
  const end = parsed ? closedEnd(text, i, parsed.end, to) : i;
  let after = skip(text, MARKUP, end, to, Infinity);
  if (bracket) {
    // `[08:47]`, not a link `[08:47](…)` nor a marker.
    if (text[after] !== ']' || text[after + 1] === '(') return null;
    after++;
  }
  if (parsed && isWordChar(text, after)) parsed = null;
  if (!parsed) return looksLikeTime(text, i, to) ? unreadable(text, i, to) : null;
  const rest = skip(text, SEPARATORS, after, to, Infinity);
  // A date, then a time that cannot be read (`2024-03-13 HH:mm`): the whole is unreadable.
  if (
    parsed.minuteOfDay === null &&
    !parsed.unknown &&
    rest < to &&
    looksLikeTime(text, rest, to)
  ) {
    return unreadable(text, i, to);
  }
  return { time: [i, end], parsed, rest };
}

/**
 * The time a heading starts with (`### 13:06`, `## Sep 27 2017 13:06 Failover`, `#### [???]`),
 * with where its text ends; null unless it is a clock time or an unknown one: a date alone
 * (`### 2026-03-02`) dates the rows below instead.
 */
export function headingTime(
  text: string,
  heading: Heading,
  order: DateOrder | null = null,
): (LeadingTime & { end: number }) | null {
  const first = heading.children[0]?.position;
  const last = heading.children.at(-1)?.position;
  if (!first || !last) return null;
  const end = last.end.offset!;
  const read = leadingTime(text, first.start.offset!, end, order);
  const parsed = read?.parsed;
  if (!read || !parsed || (parsed.minuteOfDay === null && !parsed.unknown)) return null;
  return { ...read, end };
}

/** The range without markup around it: `**10:00**` → `10:00`. */
export function unmarked(text: string, range: [number, number]): [number, number] {
  const a = range[0];
  const b = range[1];
  const start = skip(text, MARKUP, a, b, 4);
  let end = b;
  while (end > start && b - end < 4 && MARKUP.has(text[end - 1]!)) end--;
  return [start, end];
}
