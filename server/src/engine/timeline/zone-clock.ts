/** A zone's wall clock as `Intl` shows it: the offset from UTC at an instant, and its name. */

/** A formatter of a zone's wall clock (and its short name); throws for a zone `Intl` lacks. */
export function zoneClock(timeZone: string, timeZoneName?: 'short'): Intl.DateTimeFormat {
  return new Intl.DateTimeFormat('en-US', {
    timeZone,
    timeZoneName,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
  });
}

/** The offset in minutes of a zone's clock at an instant (ms since the epoch), and its name. */
export function readZoneClock(clock: Intl.DateTimeFormat, at: number) {
  const parts: Record<string, string> = {};
  for (const part of clock.formatToParts(at)) parts[part.type] = part.value;
  const local = Date.UTC(
    Number(parts.year),
    Number(parts.month) - 1,
    Number(parts.day),
    Number(parts.hour),
    Number(parts.minute),
  );
  // Seconds of the instant are not on the clock: offsets are whole minutes.
  return {
    offset: Math.round((local - Math.floor(at / 60_000) * 60_000) / 60_000),
    name: parts.timeZoneName ?? '',
  };
}
