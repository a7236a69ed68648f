/**
 * What the whole document says about the dates of its timeline (SPEC §2): the order of its
 * numeric dates (`03/04/2025`) and the year of dates written without one (`Dec 16th`,
 * `02-03 14:32`). Read once per analysis, in one pass over the text, and handed to
 * `readTimeline`, so that a full and an incremental analysis read the timeline alike.
 *
 * Decisions where the spec is silent:
 * - The order comes from any numeric date of the document (a summary's, a heading's), not
 *   only the timeline's; dates that disagree settle nothing, and `dateOrder` decides.
 * - A date without a year takes the year of the date above it (`read.ts`), else the first
 *   year the timeline writes, else the year of the front matter's `date:`, else of the first
 *   full date in the text before the timeline (`On March 3, 2024, …` in a summary), looked
 *   for in its first `MAX_PREAMBLE` characters. A timeline running over New Year without
 *   years is not detected.
 */
import type { FrontMatter } from '../markdown/front-matter';
import { frontMatterText } from '../markdown/front-matter';
import type { DateOrder } from '../model';
import { findDate, findDateOrder, readTime, type DateParts } from './times';

export interface DocumentDates {
  /** How numeric `a/b/YYYY` dates whose parts are both 12 or less read; null: unsettled. */
  order: DateOrder | null;
  /** The front matter's year, for dates without one; null when it states none. */
  year: number | null;
}

export const NO_DOCUMENT_DATES: DocumentDates = { order: null, year: null };

/** Characters before the timeline searched for a year: a report's header and summary. */
const MAX_PREAMBLE = 20_000;

/**
 * The document's date order (its own dates, else `configured`), and the year of its front
 * matter's `date:`, else of the first full date before `timelineStart`.
 */
export function documentDates(
  text: string,
  matter: FrontMatter | null,
  configured: DateOrder | null,
  timelineStart = 0,
): DocumentDates {
  const order = findDateOrder(text) ?? configured;
  const date = frontMatterText(matter, 'date');
  const stated = date !== null ? readTime(date, 0, date.length, order)?.date?.year : null;
  const preamble = text.slice(matter?.end ?? 0, Math.min(timelineStart, MAX_PREAMBLE));
  return { order, year: stated ?? findDate(preamble, order, true)?.year ?? null };
}

/** Dates read from a timeline: a row's own and the one above it. */
interface DatedRow {
  ownDate: DateParts | null;
  contextDate: DateParts | null;
}

/** Gives the rows' dates without a year the timeline's first year, else `documentYear`. */
export function fillYears(rows: DatedRow[], documentYear: number | null): void {
  let year: number | null = null;
  for (const row of rows) {
    year = row.ownDate?.year ?? row.contextDate?.year ?? null;
    if (year !== null) break;
  }
  year ??= documentYear;
  if (year === null) return;
  const fill = (date: DateParts | null) => (date && date.year === null ? { ...date, year } : date);
  // By index: an array's iterator, where V8 has not optimised the loop, allocates per row.
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i]!;
    row.ownDate = fill(row.ownDate);
    row.contextDate = fill(row.contextDate);
  }
}
