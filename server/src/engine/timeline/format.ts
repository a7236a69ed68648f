/** Writing a time the way a timeline writes its own, for completion and "insert entry now". */
import type { Timeline } from '../model';
import { sectionZone } from './zone-note';
import { leadingTime } from './leading-time';
import type { TimeStyle } from './times';
import { zoneOffset } from './zones';

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

const pad = (n: number) => String(n).padStart(2, '0');

/** `now` as fields of a wall clock in `zone` (the machine's own zone when unknown). */
function wallClock(now: Date, zone: string | null) {
  const offset = zone ? zoneOffset(zone, now.getTime() / 60_000) : null;
  if (offset === null) {
    return {
      year: now.getFullYear(),
      month: now.getMonth(),
      day: now.getDate(),
      hour: now.getHours(),
      minute: now.getMinutes(),
      second: now.getSeconds(),
    };
  }
  const shifted = new Date(now.getTime() + offset * 60_000);
  return {
    year: shifted.getUTCFullYear(),
    month: shifted.getUTCMonth(),
    day: shifted.getUTCDate(),
    hour: shifted.getUTCHours(),
    minute: shifted.getUTCMinutes(),
    second: shifted.getUTCSeconds(),
  };
}

function writeDate(style: TimeStyle, clock: ReturnType<typeof wallClock>): string {
  const { year, month, day } = clock;
  const name = style.longMonth ? MONTHS[month]! : MONTHS[month]!.slice(0, 3);
  switch (style.date) {
    case 'iso':
      return style.year ? `${year}-${pad(month + 1)}-${pad(day)}` : `${pad(month + 1)}-${pad(day)}`;
    case 'slash':
      return `${year}/${pad(month + 1)}/${pad(day)}`;
    case 'month-day':
      return style.year ? `${name} ${day}, ${year}` : `${name} ${day}`;
    case 'numeric': {
      const parts = style.dayFirst ? [day, month + 1] : [month + 1, day];
      return [...parts.map(pad), year].join(style.datePartSeparator);
    }
    case 'day-month':
      if (style.datePartSeparator === '-') return `${pad(day)}-${name}-${year}`;
      return style.year ? `${day} ${name} ${year}` : `${day} ${name}`;
    default:
      return '';
  }
}

/**
 * The time `now` written as the timeline writes its latest time: with or without a date,
 * 12- or 24-hour, seconds, the zone it writes; converted to the timeline's zone when that
 * has a known offset, else in the machine's zone; `HH:mm` while the timeline has no times.
 */
export function formatNowLike(timeline: Timeline, now: Date): string {
  let template = null;
  for (let i = timeline.entries.length - 1; i >= 0 && !template; i--) {
    template = timeline.entries[i]!.time;
  }
  const parsed = template ? leadingTime(template.text, 0, template.text.length)?.parsed : null;
  const clock = wallClock(now, template ? template.zone : sectionZone(timeline.section));
  if (!parsed) return `${pad(clock.hour)}:${pad(clock.minute)}`;

  const { style } = parsed;
  const twelve = style.meridiem !== null;
  const hour = twelve ? clock.hour % 12 || 12 : clock.hour;
  const padHour = style.hourDigits === 2 && (!twelve || (parsed.hour ?? 0) < 10);
  let time = `${padHour ? pad(hour) : hour}${style.clockSeparator}${pad(clock.minute)}`;
  if (style.seconds) time += `:${pad(clock.second)}`;
  if (style.meridiem) {
    const pm = clock.hour >= 12;
    time += style.meridiem.replace(/[ap]/i, (c) => {
      const letter = pm ? 'p' : 'a';
      return c === c.toUpperCase() ? letter.toUpperCase() : letter;
    });
  }
  if (style.zone) time += style.zone;
  return style.date ? `${writeDate(style, clock)}${style.dateSeparator}${time}` : time;
}
