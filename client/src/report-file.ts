/** Names of new report files: `YYYY-MM-DD-<slug>.md`. */

/** A date as `YYYY-MM-DD` in the local time zone (the day the author is writing on). */
export function isoDate(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** Longest slug kept, so file names stay readable in the Explorer. */
const MAX_SLUG_LENGTH = 60;

/**
 * A file-name-safe form of a title: lower case, accents dropped, runs of anything but letters
 * and digits turned into one `-`; `incident` when nothing is left.
 */
export function slugify(title: string): string {
  const slug = title
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .slice(0, MAX_SLUG_LENGTH)
    .replace(/^-|-$/g, '');
  return slug || 'incident';
}

/** The file name of a report: `2025-03-15-login-outage.md`, or `…-2.md` for `attempt` 2. */
export function reportFileName(date: string, title: string, attempt = 1): string {
  const suffix = attempt > 1 ? `-${attempt}` : '';
  return `${date}-${slugify(title)}${suffix}.md`;
}
