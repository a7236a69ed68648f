/**
 * Reads the timeline section (SPEC §2): its entries from table rows, list items and lines,
 * their times, dates and zones, and one axis of instants for ordering and metrics.
 *
 * Decisions where the spec is silent:
 * - A table row with an empty time cell but an event is an entry whose time is unreadable
 *   (a time was left out); a row with every cell empty is template padding, not an entry.
 * - A date alone (`2021-12-10`) with an event is an entry without a time: it sets the date
 *   for the rows below and is skipped for ordering and metrics, without a finding. A date
 *   alone with no event (`- **2026-03-02**`, a line `Tuesday 2026-03-03`) only sets the date.
 * - Lines of a paragraph that do not start with a time continue the entry above them.
 * - A list item's span is the whole item, unless items nested in it are entries themselves:
 *   then it ends with its first paragraph, so that spans never overlap.
 * - Midnight crossing applies between rows that take their date from the same place (an
 *   earlier row or sub-heading, or none): a row that writes its own date is read as written,
 *   and a later sub-heading's date is never moved.
 * - In a 12-hour timeline, a time without AM/PM is `ambiguous` and read as the AM or PM
 *   reading nearest after the entry before it, so it does not also break order and metrics.
 * - A month and day without a year (`Mar 15`) take the year of the date above them, else
 *   the timeline's or the front matter's (`document-dates.ts`), else they have no date
 *   (their instants still order them by month and day).
 * - A note giving the day of undated rows (`All times are UTC on 2023-01-07`) is the date
 *   above every row; a row's own date is then its own only ("unless otherwise noted"), while
 *   dated sub-headings and date lines still set the date below them.
 * - Rows that write no zone, in a timeline with no zone note, take the one zone the other
 *   rows write, else the configured zone: all rows share one axis.
 * - A sub-heading that starts with a time (`### 13:06`, `### Sep 27 2017 13:06 Failover`) is
 *   an entry holding everything under it up to the next heading; one with a date alone
 *   (`### 2026-03-02`) only dates the rows below it.
 * - A code block or block quote right after an entry line belongs to it, and so does a
 *   paragraph after that block which starts in lower case (the entry's sentence resuming).
 * - A timeline in which nothing starts with a time, but which has list items, takes each
 *   top-level item as an entry without a time (`untimed`): one finding says so, not silence.
 */
import type {
  Blockquote,
  Code,
  Heading,
  List,
  ListItem,
  Paragraph,
  RootContent,
  Table,
  TableCell,
  TableRow,
} from 'mdast';
import { toString } from 'mdast-util-to-string';
import { markEntries, type KeywordGuesses, type MarksKeeper } from '../metrics/milestones';
import type {
  DateOrder,
  LintConfig,
  Timeline,
  TimelineEntry,
  TimelineScope,
  TimeReading,
  ZoneProblem,
} from '../model';
import type { LineIndex } from '../markdown/lines';
import { headingTime, leadingTime, unmarked } from './leading-time';
import {
  dayNumber,
  findDate,
  isoDate,
  isWordChar,
  readTime,
  type DateParts,
  type ParsedTime,
} from './times';
import { fillYears, NO_DOCUMENT_DATES, type DocumentDates } from './document-dates';
import { parentheticalZone, rowsZone, sectionDayNote, sectionZone } from './zone-note';
import { findHeaderZone, findZoneNote, placeRow } from './zones';
import { moveEntry } from './move-entry';
import type { GenerationMemo, Kept } from './row-memo';

export { formatNowLike } from './format';

/** An entry as read, before instants are put on one axis. */
interface Draft {
  start: number;
  end: number;
  /**
   * Where the time text starts (-1: the row has no time at all) and ends: two numbers, not a
   * pair, which would be an array more in every row read.
   */
  timeStart: number;
  timeEnd: number;
  /** Null when the time is unreadable or missing. Its `end` is not read (`time` says it). */
  parsed: RowTime | null;
  /** The row's own date, a year filled in from the context where it had none. */
  ownDate: DateParts | null;
  /** The date above the row, and which row or heading gave it. */
  contextDate: DateParts | null;
  contextSerial: number;
  /** The zone of the row, else of its table, sub-heading, section note or configuration. */
  zone: string | null;
  /** The zone the row would have without its own. */
  contextZone: string | null;
  description: string;
  /** The row's Phase or Status cell, when its table has that column. */
  phase: string | null;
  /**
   * Raw text that continues the event (lines, content under a time heading), made plain once;
   * null when none does (most rows).
   */
  more: string[] | null;
  /** A list item of a timeline in which nothing starts with a time. */
  untimed?: true;
  /**
   * The line the table row it was read from starts on (0: none), read with the row's offsets:
   * its entry may be the last read's, moved, which then reads no node again.
   */
  rowLine: number;
  /**
   * What reads keep of that row, its reading the same object for the same text (null: nothing,
   * a row whose kept reading did not fit).
   */
  memo: RowMemo | null;
}

/** An entry that the content after it joins (see the decisions above). */
interface OpenEntry {
  draft: Draft;
  /** Opened by a time sub-heading: it holds everything up to the next heading. */
  heading: boolean;
  /** A code block or quote joined it last, so a paragraph resuming in lower case joins too. */
  afterBlock: boolean;
}

/**
 * What a table row says, read from its text alone (offsets from the row's start): the same
 * text under the same columns and date order reads the same wherever it is.
 */
interface RowReading {
  /** Every cell is empty: template padding. */
  empty: boolean;
  description: string;
  phase: string | null;
  /** The date of a date cell that holds a date alone. */
  dateAlone: DateParts | null;
  /**
   * Where the time cell's text without markup around it starts (-1: the cell is empty) and
   * ends: two numbers, not a pair, which would be an array more in every row kept.
   */
  timeStart: number;
  timeEnd: number;
  /** Its reading, when usable (`end` from the row's start). */
  parsed: RowTime | null;
}

/**
 * A time as an entry is placed from it: as read, but for how it was written (`style`, which
 * only writing a new time reads, from the text: `format.ts`) and the written zone's offset
 * (placing finds the zone's offset on the row's date, `placeRow`). A row's reading keeps it
 * for as long as the row is unchanged.
 */
type RowTime = Omit<ParsedTime, 'style' | 'zoneOffset'>;

/** `parsed` as a row's reading keeps it, its end `base` earlier (from the row's start). */
function rowTime(parsed: ParsedTime, base: number): RowTime {
  return {
    end: parsed.end - base,
    date: parsed.date,
    minuteOfDay: parsed.minuteOfDay,
    unknown: parsed.unknown,
    meridiem: parsed.meridiem,
    hour: parsed.hour,
    zone: parsed.zone,
    approximate: parsed.approximate,
    rangeEndMinuteOfDay: parsed.rangeEndMinuteOfDay,
    dateOrderUnsettled: parsed.dateOrderUnsettled,
  };
}

/** The columns of a table that hold the time, the date and the phase (-1: none). */
interface Columns {
  time: number;
  date: number;
  phase: number;
}

function sameColumns(a: Columns, b: Columns): boolean {
  return a.time === b.time && a.date === b.date && a.phase === b.phase;
}

/** A row's reading as kept: offsets from the row's start, under the columns and order read. */
type KeptRow = RowReading & { columns: Columns; order: DateOrder | null };

/**
 * What reads keep of one table row, by its node (the parse keeps a row's node, or moves it in
 * place, while its text stays: `chunk-cache.ts`, `splice.ts`): its reading, as `rows` keeps it,
 * the entry the last read placed for it, with what from (`placeEntries`), and its draft. A
 * read uses each memo for one row at most: a row's node is in one place of the tree.
 */
export interface RowMemo {
  readonly reading: Kept<KeptRow>;
  placed: PlacedEntry | null;
  /** The row's draft in the last read, written over by the next: a read allocates none. */
  draft: Draft | null;
}

/** A table's rows as a read found them (its header first), and what it kept of each. */
export interface TableMemo {
  rows: TableRow[];
  memos: (RowMemo | null)[];
}

/** Readings kept from one read of a timeline to the next (`memo.ts`). */
export interface TimelineMemos {
  /** By row text. */
  rows: GenerationMemo<KeptRow>;
  /**
   * The tables of the last read, in the order read. A row of a table read again at the same
   * place in that order is looked up by identity: the runs of rows alike from both ends of the
   * table are the same nodes at the same indexes, counted from that end.
   */
  tables: TableMemo[];
  /** The keyword stems an event's words mark milestones by (`markEntries`). */
  guesses: GenerationMemo<KeywordGuesses>;
}

/**
 * Where the rows of a table (its children, its header first) are in the same table as the last
 * read found them: the rows before `head` are the same nodes at the same indexes, and so are
 * those from `tail` on, `shift` indexes on (for rows added or removed between them). Rows
 * between them are not looked for.
 */
interface KeptRuns {
  head: number;
  tail: number;
  shift: number;
}

function keptRuns(rows: TableRow[], last: TableRow[]): KeptRuns {
  const shortest = Math.min(rows.length, last.length);
  let head = 0;
  while (head < shortest && rows[head] === last[head]) head++;
  const shift = last.length - rows.length;
  let tail = rows.length;
  while (tail > head && tail + shift > head && rows[tail - 1] === last[tail - 1 + shift]) tail--;
  return { head, tail, shift };
}

const TIME_HEADER_WORDS = new Set(['time', 'times', 'timestamp', 'when', 'datetime']);
const DATE_HEADER_WORDS = new Set(['date', 'day']);
/** One character of white space. (A literal in a loop would make a new object per test.) */
const WHITE_SPACE = /\s/;
/** Headers of a column that says which phase of the incident a row is in. */
const PHASE_HEADER_WORDS = new Set(['phase', 'status', 'stage']);

/** Event text of raw Markdown: markup dropped, white space folded. */
function plain(raw: string): string {
  return raw
    .replace(/<!--[^]{0,2000}?-->/g, ' ')
    .replace(/<br\s*\/?>/gi, ' ')
    .replace(/!?\[([^\]\n]{0,300})\]\([^)\n]{0,500}\)/g, '$1')
    .replace(/\*\*|__|~~|[*`]/g, '')
    .replace(/\\([!-/:-@[-`{-~])/g, '$1')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * A body cell's text, trimmed; comments (such as `postmortem-disable-line`) are not part of
 * the event. A cell of one text node, as most are, is that node's value.
 */
function cellText(cell: TableCell): string {
  const only = cell.children.length === 1 ? cell.children[0]! : null;
  if (only?.type === 'text') return only.value.trim();
  return toString(cell, { includeHtml: false }).trim();
}

function headerWords(text: string): string[] {
  return text.toLowerCase().split(/[^a-z]+/);
}

class TimelineReader {
  readonly drafts: Draft[] = [];
  private date: DateParts | null = null;
  private serial = 0;
  /** Zones of sub-headings that state one, innermost last. */
  private headingZones: { depth: number; zone: string | null }[] = [];
  private open: OpenEntry | null = null;
  private readonly text: string;
  /** The tables read, for the next read (with memos only). */
  readonly tables: TableMemo[] = [];

  constructor(
    private readonly lines: LineIndex,
    private readonly sectionZone: string | null,
    private readonly order: DateOrder | null,
    private readonly dayNote: DateParts | null,
    private readonly memos: TimelineMemos | null,
  ) {
    this.text = lines.text;
    this.date = dayNote;
  }

  read(nodes: RootContent[]): void {
    for (const node of nodes) {
      if (node.type === 'heading') this.heading(node);
      else if (node.type === 'table') {
        this.open = null;
        this.table(node);
      } else if (node.type === 'list') this.list(node);
      else if (node.type === 'paragraph') this.paragraph(node);
      else if (node.type === 'code' || node.type === 'blockquote') this.block(node);
      else if (node.type !== 'html' && !this.open?.heading) this.open = null;
    }
  }

  /**
   * Reads the top-level list items of `nodes` as entries without a time: for a timeline in
   * which nothing starts with a time.
   */
  readUntimed(nodes: RootContent[]): void {
    for (const node of nodes) {
      if (node.type !== 'list') continue;
      for (const item of node.children) {
        if (!item.position) continue;
        const description = plain(toString(item, { includeHtml: false }));
        // An empty item is a scaffold's (`empty-section` speaks of those), not an entry.
        if (description === '') continue;
        const { start, end } = item.position;
        this.push(start.offset!, end.offset!, -1, -1, null, description).untimed = true;
      }
    }
  }

  /** Content after `open` joins it: its span, and its text when it has some. */
  private join(open: OpenEntry, end: number, text: string | null): void {
    open.draft.end = Math.max(open.draft.end, end);
    if (text) (open.draft.more ??= []).push(text);
  }

  /** A code block or quote belongs to the entry before it. */
  private block(node: Code | Blockquote): void {
    if (!this.open || !node.position) return;
    const quote = node.type === 'blockquote' && this.open.heading ? toString(node) : null;
    this.join(this.open, node.position.end.offset!, quote);
    this.open.afterBlock = true;
  }

  private setDate(date: DateParts): void {
    this.date = this.withYear(date);
    this.serial++;
  }

  private withYear(date: DateParts): DateParts {
    return date.year === null && this.date?.year != null ? { ...date, year: this.date.year } : date;
  }

  /** The zone of a table's header, else the innermost sub-heading's, else the section's. */
  private zone(tableZone: string | null): string | null {
    if (tableZone) return tableZone;
    for (let i = this.headingZones.length - 1; i >= 0; i--) {
      const zone = this.headingZones[i]!.zone;
      if (zone) return zone;
    }
    return this.sectionZone;
  }

  private heading(node: Heading): void {
    this.open = null;
    while (this.headingZones.length > 0 && this.headingZones.at(-1)!.depth >= node.depth) {
      this.headingZones.pop();
    }
    const entry = this.timeHeading(node);
    if (entry) {
      this.open = { draft: entry, heading: true, afterBlock: false };
      this.headingZones.push({ depth: node.depth, zone: null });
      return;
    }
    const text = toString(node);
    const date = findDate(text, this.order);
    if (date) this.setDate(date);
    this.headingZones.push({
      depth: node.depth,
      zone: findZoneNote(text) ?? parentheticalZone(text),
    });
  }

  /** The entry of a sub-heading that starts with a time (`### 13:06`); null for any other. */
  private timeHeading(node: Heading): Draft | null {
    const at = node.position && headingTime(this.text, node, this.order);
    if (!at) return null;
    const { start, end } = node.position!;
    const description = plain(this.text.slice(at.rest, at.end));
    return this.push(start.offset!, end.offset!, at.time[0], at.time[1], at.parsed, description);
  }

  /**
   * The draft of an entry spanning `[start, end)`, its time `[timeStart, timeEnd)`: `into`, a
   * draft of an earlier read no longer in use, written over, or a new one.
   */
  private push(
    start: number,
    end: number,
    timeStart: number,
    timeEnd: number,
    parsed: RowTime | null,
    description: string,
    tableZone: string | null = null,
    phase: string | null = null,
    into: Draft | null = null,
  ): Draft {
    const ownDate = parsed?.date ? this.withYear(parsed.date) : null;
    if (ownDate && !this.dayNote) this.setDate(ownDate);
    const contextZone = this.zone(tableZone);
    if (into) {
      into.start = start;
      into.end = end;
      into.timeStart = timeStart;
      into.timeEnd = timeEnd;
      into.parsed = parsed;
      into.ownDate = ownDate;
      into.contextDate = this.date;
      into.contextSerial = this.serial;
      into.zone = parsed?.zone ?? contextZone;
      into.contextZone = contextZone;
      into.description = description;
      into.phase = phase;
      into.more = null;
      this.drafts.push(into);
      return into;
    }
    const draft: Draft = {
      start,
      end,
      timeStart,
      timeEnd,
      parsed,
      ownDate,
      contextDate: this.date,
      contextSerial: this.serial,
      zone: parsed?.zone ?? contextZone,
      contextZone,
      description,
      phase,
      more: null,
      rowLine: 0,
      memo: null,
    };
    this.drafts.push(draft);
    return draft;
  }

  private cellRange(cell: TableCell | undefined): [number, number] | null {
    if (!cell?.position) return null;
    const text = this.text;
    let a = cell.position.start.offset!;
    let b = cell.position.end.offset!;
    if (text[a] === '|') a++;
    while (b > a && WHITE_SPACE.test(text[b - 1]!)) b--;
    if (b > a && text[b - 1] === '|' && text[b - 2] !== '\\') b--;
    while (a < b && WHITE_SPACE.test(text[a]!)) a++;
    while (b > a && WHITE_SPACE.test(text[b - 1]!)) b--;
    return [a, b];
  }

  private table(node: Table): void {
    const rows = node.children;
    const header = rows[0];
    if (!header) return;
    const headers = header.children.map((cell) => headerWords(toString(cell)));
    let timeColumn = headers.findIndex((words) => words.some((w) => TIME_HEADER_WORDS.has(w)));
    let dateColumn = headers.findIndex(
      (words, i) => i !== timeColumn && words.some((w) => DATE_HEADER_WORDS.has(w)),
    );
    if (timeColumn < 0) [timeColumn, dateColumn] = [dateColumn < 0 ? 0 : dateColumn, -1];
    const phaseColumn = headers.findIndex(
      (words, i) => i !== timeColumn && words.some((w) => PHASE_HEADER_WORDS.has(w)),
    );
    const headerText = (i: number) => (i >= 0 ? toString(header.children[i]!) : '');
    const tableZone =
      findHeaderZone(headerText(timeColumn)) ?? findHeaderZone(headerText(dateColumn));

    const columns: Columns = { time: timeColumn, date: dateColumn, phase: phaseColumn };
    const kept = this.memos && this.keptTable(rows);
    // Index loops and no destructuring in what runs per row: a first read runs it unoptimised,
    // where both allocate per step.
    for (let r = 1; r < rows.length; r++) {
      const row = rows[r]!;
      if (!row.position) continue;
      // Offsets, not pairs: a pair per row is garbage of every read.
      const start = row.position.start.offset!;
      const end = row.position.end.offset!;
      let memo: RowMemo | null = null;
      if (kept) {
        const runs = kept.runs;
        const at = r < runs.head ? r : r >= runs.tail ? r + runs.shift : -1;
        memo = this.rowMemo(row, start, end, columns, at < 0 ? null : kept.last!.memos[at]!);
        kept.now.memos[r] = memo;
      }
      const reading = memo ? memo.reading.value : this.readRow(row, columns, start);
      if (reading.empty) continue;
      if (reading.dateAlone) this.setDate(reading.dateAlone);
      const parsed = reading.parsed;
      // The reading's offsets are from the row's start; its `parsed` is kept as it is.
      const timeStart = reading.timeStart < 0 ? -1 : start + reading.timeStart;
      const timeEnd = start + (parsed ? parsed.end : reading.timeEnd);
      const { description, phase } = reading;
      const draft = this.push(
        start,
        end,
        timeStart,
        timeEnd,
        parsed,
        description,
        tableZone,
        phase,
        memo?.draft,
      );
      draft.rowLine = row.position.start.line;
      draft.memo = memo;
      if (memo) memo.draft = draft;
    }
  }

  /**
   * The memo of a table for this read, the same table's memo of the last read (the table read
   * as many tables before as this one), and the runs of its rows kept there (`keptRuns`).
   */
  private keptTable(rows: TableRow[]): { now: TableMemo; last: TableMemo | null; runs: KeptRuns } {
    const last = this.memos!.tables[this.tables.length] ?? null;
    const now: TableMemo = { rows: rows.slice(), memos: new Array(rows.length).fill(null) };
    this.tables.push(now);
    const runs = last ? keptRuns(rows, last.rows) : { head: 0, tail: rows.length, shift: 0 };
    return { now, last, runs };
  }

  /**
   * What reads keep of `row` (at `[start, end)`) under `columns`: `last`, the memo of the same
   * node in the last read, while its reading fits; else from the memo by text (shared with every
   * row of the same text: not to be changed), or read. Null when the reading kept by text does
   * not fit.
   */
  private rowMemo(
    row: TableRow,
    start: number,
    end: number,
    columns: Columns,
    last: RowMemo | null,
  ): RowMemo | null {
    if (last && this.fits(last.reading.value, columns)) {
      this.memos!.rows.keep(last.reading);
      return last;
    }
    return this.recordedMemo(this.memos!, row, start, end, columns);
  }

  /**
   * What `row` says, from the memo by its text, else read and kept: apart from `rowMemo`,
   * whose common case then makes no closure for the read.
   */
  private recordedMemo(
    memos: TimelineMemos,
    row: TableRow,
    start: number,
    end: number,
    columns: Columns,
  ): RowMemo | null {
    const read = () => this.readRow(row, columns, start);
    const kept = memos.rows.record(this.text.slice(start, end), read);
    return this.fits(kept.value, columns) ? { reading: kept, placed: null, draft: null } : null;
  }

  /** Whether a kept reading holds under `columns`: the same row in another table is read anew. */
  private fits(kept: KeptRow, columns: Columns): boolean {
    return sameColumns(kept.columns, columns) && kept.order === this.order;
  }

  /** What `row` says under `columns`, offsets from `base` (where the row starts). */
  private readRow(row: TableRow, columns: Columns, base: number): KeptRow {
    // The cells in one pass: the event is the texts of the other columns, those not empty.
    let description = '';
    let empty = true;
    let phase: string | null = null;
    const cells = row.children;
    for (let i = 0; i < cells.length; i++) {
      const text = cellText(cells[i]!);
      if (text === '') continue;
      empty = false;
      if (i === columns.phase) phase = text;
      if (i === columns.time || i === columns.date) continue;
      description = description === '' ? text : `${description} | ${text}`;
    }
    const reading: KeptRow = {
      empty,
      description,
      phase,
      dateAlone: null,
      timeStart: -1,
      timeEnd: -1,
      parsed: null,
      columns,
      order: this.order,
    };
    const dateRange = this.cellRange(cells[columns.date]);
    const dateText = dateRange && unmarked(this.text, dateRange);
    const rowDate = dateText ? readTime(this.text, dateText[0], dateText[1], this.order) : null;
    if (rowDate?.date && rowDate.minuteOfDay === null && !rowDate.unknown) {
      reading.dateAlone = rowDate.date;
    }
    const range = this.cellRange(cells[columns.time]);
    const timeText = range && unmarked(this.text, range);
    if (!timeText || timeText[0] >= timeText[1]) return reading;
    const a = timeText[0];
    const b = timeText[1];
    reading.timeStart = a - base;
    reading.timeEnd = b - base;
    const parsed = readTime(this.text, a, b, this.order);
    // A date alone must fill the cell: `2024-03-13 HH:mm` is a time left as a placeholder.
    const usable =
      parsed &&
      !isWordChar(this.text, parsed.end) &&
      (parsed.minuteOfDay !== null || parsed.unknown || parsed.end === b);
    if (usable) reading.parsed = rowTime(parsed, base);
    return reading;
  }

  private list(node: List): void {
    const before = this.drafts.length;
    const open = this.open;
    this.open = null;
    for (const item of node.children) this.listItem(item);
    const last = this.drafts.length > before ? this.drafts.at(-1)! : null;
    if (last) {
      // Open only when the list ends with it: a block after a note item is not the entry's.
      const endsList = node.position && last.end >= node.position.end.offset!;
      if (endsList) this.open = { draft: last, heading: false, afterBlock: false };
    } else if (open?.heading && node.position) {
      this.join(open, node.position.end.offset!, toString(node, { includeHtml: false }));
      this.open = open;
    }
  }

  private listItem(item: ListItem): void {
    const [first] = item.children;
    const before = this.drafts.length;
    let draft: Draft | null = null;
    if (first?.type === 'paragraph' && first.position && item.position) {
      const from = first.position.start.offset!;
      const to = first.position.end.offset!;
      const lineEnd = Math.min(this.lines.lineEnd(first.position.start.line), to);
      const read = this.line(
        from,
        lineEnd,
        to,
        item.position.start.offset!,
        item.position.end.offset!,
      );
      if (read !== 'date') draft = read;
    }
    for (const child of item.children) if (child.type === 'list') this.list(child);
    if (draft && first?.position && this.drafts.length > before + 1) {
      draft.end = first.position.end.offset!;
    }
  }

  private paragraph(node: Paragraph): void {
    if (!node.position) return;
    const from = node.position.start.offset!;
    const to = node.position.end.offset!;
    const open = this.open;
    const resumes =
      open !== null && (open.heading || (open.afterBlock && /^\p{Ll}/u.test(toString(node))));
    let current: Draft | null = resumes ? open.draft : null;
    let last: Draft | null = null;
    for (let line = node.position.start.line; line <= node.position.end.line; line++) {
      let start = Math.max(this.lines.lineStarts[line - 1]!, from);
      const end = Math.min(this.lines.lineEnd(line), to);
      while (start < end && (this.text[start] === ' ' || this.text[start] === '\t')) start++;
      const read = this.line(start, end, end, start, end);
      if (read === 'date') current = null;
      else if (read) current = last = read;
      else if (current) {
        current.end = end;
        (current.more ??= []).push(this.text.slice(start, end));
      }
    }
    // Only the entry the paragraph ends in is open to what follows.
    if (current && current !== open?.draft) {
      this.open = { draft: current, heading: false, afterBlock: false };
    } else if (current && resumes) open.afterBlock = false;
    else if (last || !open?.heading) this.open = null;
  }

  /**
   * Reads an entry spanning `[start, end)` from a line `[from, to)` that starts with a time; its event
   * runs to `eventEnd`. A date alone sets the date and gives no entry (`'date'`).
   */
  private line(
    from: number,
    to: number,
    eventEnd: number,
    start: number,
    end: number,
  ): Draft | 'date' | null {
    const at = leadingTime(this.text, from, to, this.order);
    if (!at) return null;
    const { parsed, rest } = at;
    if (parsed && parsed.minuteOfDay === null && !parsed.unknown && rest >= to) {
      this.setDate(parsed.date!);
      return 'date';
    }
    const description = plain(this.text.slice(rest, eventEnd));
    return this.push(start, end, at.time[0], at.time[1], parsed, description);
  }
}

/** What keeps a read time from being used as written, short of AM/PM. */
function problemOf(parsed: RowTime): TimelineEntry['timeProblem'] {
  if (parsed.unknown) return 'unknown';
  return parsed.dateOrderUnsettled ? 'date-order' : null;
}

/** A time of a draft placed on the axis: on which day after its date, at which instant. */
interface Placement {
  minute: number;
  days: number;
  instant: number;
  offset: number | null;
  problem: ZoneProblem | null;
}

/**
 * Places `minute` of a draft (its date's day number `day`) `days` days after its date, or
 * later days while its instant comes before `after`.
 */
function placeMinute(
  { draft, day, dated, days }: { draft: Draft; day: number; dated: boolean; days: number },
  minute: number,
  after: number | null,
): Placement {
  for (;;) {
    const local = (day + days) * 1440 + minute;
    const row = placeRow(draft.zone, draft.contextZone, local, dated);
    const instant = local - (row.axisOffset ?? 0);
    if (after === null || instant >= after) {
      return { minute, days, instant, offset: row.offset, problem: row.problem };
    }
    days++;
  }
}

/** What placing an entry carries from one to the next: the last instant, and its day. */
interface PlaceState {
  previous: number | null;
  previousSerial: number;
  serial: number;
  shift: number;
}

/**
 * An entry placed for a table row, with what it was placed from beside the entry itself
 * (the state before it and the draft's readings), the state after it, and what its marks were
 * made from.
 */
export interface PlacedEntry
  extends
    Pick<Draft, 'ownDate' | 'contextDate' | 'contextSerial' | 'zone' | 'contextZone'>,
    PlaceState,
    MarksKeeper {
  entry: TimelineEntry;
  reading: RowReading;
  twelveHour: boolean;
  after: PlaceState;
}

function sameDate(a: DateParts | null, b: DateParts | null): boolean {
  return (
    a === b ||
    (a !== null && b !== null && a.year === b.year && a.month === b.month && a.day === b.day)
  );
}

/**
 * Whether `draft`, of the same row as `kept`, placed in `state`, gives the entry kept: all but
 * where it is is the same. A draft from the same reading has the same text, so the same span
 * length, time, event and phase: only its context is compared.
 */
function placesAlike(kept: PlacedEntry, draft: Draft, state: PlaceState, twelveHour: boolean) {
  return (
    kept.reading === draft.memo!.reading.value &&
    kept.previous === state.previous &&
    kept.previousSerial === state.previousSerial &&
    kept.serial === state.serial &&
    kept.shift === state.shift &&
    kept.twelveHour === twelveHour &&
    sameDate(kept.ownDate, draft.ownDate) &&
    sameDate(kept.contextDate, draft.contextDate) &&
    kept.contextSerial === draft.contextSerial &&
    kept.zone === draft.zone &&
    kept.contextZone === draft.contextZone &&
    draft.more === null
  );
}

/** Sets `to` to `from`, field by field. */
function copyState(from: PlaceState, to: PlaceState): void {
  to.previous = from.previous;
  to.previousSerial = from.previousSerial;
  to.serial = from.serial;
  to.shift = from.shift;
}

/**
 * Puts the drafts' times on one axis of minutes and builds the entries. A row's entry placed
 * by the last read (its memo's) from a draft that places alike, in the same state, is that
 * entry moved: an unchanged row costs a few comparisons. Beside each entry, its row's placed
 * entry (null for an entry not of a row read with memos).
 */
function placeEntries(
  drafts: Draft[],
  lines: LineIndex,
  twelveHour: boolean,
): { entries: TimelineEntry[]; placed: (PlacedEntry | null)[] } {
  const state: PlaceState = { previous: null, previousSerial: -1, serial: -1, shift: 0 };
  // One entry per draft: arrays of their length, not grown by copies.
  const entries = new Array<TimelineEntry>(drafts.length);
  const placed = new Array<PlacedEntry | null>(drafts.length);
  for (let d = 0; d < drafts.length; d++) {
    const draft = drafts[d]!;
    const memo = draft.memo;
    const kept = memo?.placed;
    if (kept && placesAlike(kept, draft, state, twelveHour)) {
      const { entry } = kept;
      moveEntry(
        entry,
        draft.rowLine - entry.span.start.line,
        draft.start - entry.span.start.offset,
      );
      copyState(kept.after, state);
      entries[d] = entry;
      placed[d] = kept;
      continue;
    }
    const before = memo && draft.more === null ? { ...state } : null;
    const entry = placeEntry(draft, lines, twelveHour, state);
    let placing: PlacedEntry | null = null;
    if (before) {
      const { ownDate, contextDate, contextSerial, zone, contextZone } = draft;
      // Every field named: a spread among them would put those after it out of the object,
      // in a property array of their own, for every row kept.
      placing = memo!.placed = {
        entry,
        twelveHour,
        reading: memo!.reading.value,
        ownDate,
        contextDate,
        contextSerial,
        zone,
        contextZone,
        previous: before.previous,
        previousSerial: before.previousSerial,
        serial: before.serial,
        shift: before.shift,
        after: { ...state },
        marksRead: null,
      };
    }
    entries[d] = entry;
    placed[d] = placing;
  }
  return { entries, placed };
}

/** The entry of a draft, placed after the entries `state` says of; `state` moves past it. */
function placeEntry(
  draft: Draft,
  lines: LineIndex,
  twelveHour: boolean,
  state: PlaceState,
): TimelineEntry {
  const { parsed, timeStart, timeEnd } = draft;
  const timeSpan = timeStart < 0 ? null : lines.span(timeStart, timeEnd);
  const entry: TimelineEntry = {
    span: lines.span(draft.start, draft.end),
    timeSpan,
    timeText: timeStart < 0 ? '' : lines.text.slice(timeStart, timeEnd),
    time: null,
    timeProblem: parsed ? problemOf(parsed) : draft.untimed ? 'untimed' : 'unreadable',
    description:
      draft.more !== null
        ? plain(`${draft.description} ${draft.more.join(' ')}`)
        : draft.description,
    phase: draft.phase,
    instant: null,
    marks: [],
  };
  if (!parsed || parsed.minuteOfDay === null) return entry;

  if (draft.contextSerial !== state.serial) {
    state.serial = draft.contextSerial;
    state.shift = 0;
  }
  const { previous } = state;
  const date = draft.ownDate ?? draft.contextDate;
  const day = date ? dayNumber(date) : 0;
  const crosses = !draft.ownDate && previous !== null && state.previousSerial === state.serial;
  const from = { draft, day, dated: date?.year != null, days: draft.ownDate ? 0 : state.shift };
  // Where rows carry no dates, a step back of more than 12 hours crosses midnight.
  const after = crosses ? previous - 720 : null;

  const ambiguous = twelveHour && !parsed.meridiem && parsed.hour! >= 1 && parsed.hour! <= 12;
  let chosen = placeMinute(from, parsed.minuteOfDay, after);
  if (ambiguous && previous !== null) {
    const minute = parsed.minuteOfDay + (parsed.minuteOfDay >= 720 ? -720 : 720);
    const other = placeMinute(from, minute, after);
    const step = (p: Placement) => (p.instant >= previous ? p.instant - previous : Infinity);
    if (step(other) < step(chosen)) chosen = other;
  }
  if (!draft.ownDate) state.shift = chosen.days;
  entry.time = {
    text: entry.timeText,
    span: timeSpan!,
    date: date?.year != null ? isoDate(day + (draft.ownDate ? 0 : state.shift)) : null,
    minuteOfDay: chosen.minute,
    meridiem: parsed.meridiem,
    zone: draft.zone,
    zoneOffset: chosen.offset,
    approximate: parsed.approximate,
    rangeEndMinuteOfDay: parsed.rangeEndMinuteOfDay,
    zoneProblem: chosen.problem,
  } satisfies TimeReading;
  entry.timeProblem = ambiguous ? 'ambiguous' : problemOf(parsed);
  entry.instant = chosen.instant;
  state.previous = chosen.instant;
  state.previousSerial = state.serial;
  return entry;
}

/** Why no metric can be measured on entries read, or null when some entry has a time. */
function unmeasured(entries: TimelineEntry[]): string | null {
  if (entries.some((entry) => entry.instant !== null)) return null;
  return entries.length > 0 && entries.every((entry) => entry.timeProblem === 'untimed')
    ? 'no entry starts with a time'
    : 'no entry with a readable time';
}

/**
 * Reads the entries of a timeline: its section and the parts that continue it (`scope.ts`),
 * its dates read as `dates` (`document-dates.ts`).
 */
export function readTimeline(
  scope: TimelineScope,
  lines: LineIndex,
  config: LintConfig,
  dates: DocumentDates = NO_DOCUMENT_DATES,
  memos?: TimelineMemos,
): Timeline {
  const dayNote = sectionDayNote(scope.section);
  const zone = sectionZone(scope.section);
  const reader = new TimelineReader(lines, zone, dates.order, dayNote, memos ?? null);
  reader.read(scope.nodes);
  if (reader.drafts.length === 0) reader.readUntimed(scope.nodes);
  // A note's day without a year (`Times below are for March 3`) takes the rows' year too.
  fillYears(reader.drafts, dates.year);
  const fallbackZone =
    rowsZone(reader.drafts.map((d) => d.parsed?.zone ?? null)) ?? config.timeZone;
  // Loops over every row by index: an array's iterator, where V8 has not optimised the loop,
  // allocates a result per row.
  for (let i = 0; i < reader.drafts.length; i++) {
    const draft = reader.drafts[i]!;
    draft.zone ??= fallbackZone;
    draft.contextZone ??= fallbackZone;
  }
  const twelveHour = reader.drafts.some((draft) => draft.parsed?.meridiem === true);
  const { entries, placed } = placeEntries(reader.drafts, lines, twelveHour);
  if (memos) memos.tables = reader.tables;
  markEntries(entries, config.milestoneKeywords, memos?.guesses, placed);
  return { ...scope, entries, twelveHour, unmeasured: unmeasured(entries) };
}
