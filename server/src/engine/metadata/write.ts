/**
 * What the `metadata` rule's fixes write into front matter: a `date` as `YYYY-MM-DD`, and the
 * required fields whose values the report already gives, each in the front matter's format
 * (YAML or TOML, quoted as it quotes) and line endings.
 *
 * Decisions where the spec is silent:
 * - A field is written only when its value is known: `status` the first configured status (a
 *   report nobody has reviewed), `date` the first dated timeline entry, `id` from
 *   `metadata.idPattern` when the pattern names a part of the date and the date is known. Other
 *   fields (`title`, `severity`, …) are the author's to write: no fix guesses them.
 * - A field goes before the first field after it in field order (`title`, `id`, `date`,
 *   `severity`, `status`, …) that the front matter writes, else at its end: before the closing
 *   fence, in TOML before the first table (whose keys are not top-level ones).
 * - A key written without a value (`status:`) gets its value written after it, not a second key.
 * - Front matter with no known field and lines that are not blank or comments (a YAML list, a
 *   TOML table only), or whose keys do not start their lines (`{title: …}`), is not written into; a report without front matter gets new YAML front
 *   matter, unless its first line is a fence that nothing closes (`---` then text), or its
 *   lines end in `\r` alone (front matter is read between lines that end in `\n`).
 */
import {
  frontMatterLine,
  frontMatterValue,
  opensUnclosedFrontMatter,
} from '../markdown/front-matter';
import type { LintConfig, MetadataEntry, MetadataField, PostmortemModel, TextEdit } from '../model';
import { METADATA_FIELDS } from '../model';
import { reportId } from '../sections/template';
import { dayNumber, findDateOrder, isoDate, readTime } from '../timeline/times';
import { metadataEntry, writtenValue } from './read';

/** A `YYYY-MM-DD` day as written. */
const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/** The parts of the date an id pattern may name. */
const DATE_PART = /\{(?:date|yyyy|mm|dd)\}/;

/** How a `date` value reads: as `YYYY-MM-DD` already, as a day written otherwise, or not. */
export type DayReading =
  | { kind: 'iso' }
  /** `settled`: false for `03/04/2025` with nothing to say which part is the day. */
  | { kind: 'other'; day: string; settled: boolean }
  | { kind: 'none' };

/**
 * How a `date` value reads: a calendar date with its year and nothing else, read as the
 * timeline reads dates (numeric ones in the document's order, else configuration's).
 */
export function readDay(text: string, model: PostmortemModel, config: LintConfig): DayReading {
  const iso = ISO_DAY.test(text);
  const order = iso ? null : (findDateOrder(model.text) ?? config.dateOrder);
  const read = readTime(text, 0, text.length, order);
  if (!read?.date || read.date.year === null) return { kind: 'none' };
  if (read.minuteOfDay !== null || read.end !== text.length) return { kind: 'none' };
  const day = isoDate(dayNumber(read.date));
  if (iso && day === text) return { kind: 'iso' };
  return { kind: 'other', day, settled: !read.dateOrderUnsettled };
}

/** The day of the first timeline entry that has one, `YYYY-MM-DD`; null when none has. */
export function firstTimelineDay(model: PostmortemModel): string | null {
  return model.timeline?.entries.find((entry) => entry.time?.date)?.time?.date ?? null;
}

/** A field to write, its value, and whether it is a day (bare in TOML, a local date). */
interface Written {
  field: MetadataField;
  value: string;
  day: boolean;
}

/** The day the front matter's `date` states, `YYYY-MM-DD`; null when it states none clearly. */
export function statedDay(model: PostmortemModel, config: LintConfig): string | null {
  const span = metadataEntry(model.metadata, 'date')?.valueSpan;
  if (!span) return null;
  const text = writtenValue(model.text, span).text.trim();
  const read = readDay(text, model, config);
  return read.kind === 'iso' ? text : read.kind === 'other' && read.settled ? read.day : null;
}

/** The missing fields whose values are known, in field order. */
function knownValues(
  model: PostmortemModel,
  config: LintConfig,
  missing: readonly MetadataField[],
): Written[] {
  const written: Written[] = [];
  const status = config.metadata.statuses[0];
  const day = missing.includes('date') ? firstTimelineDay(model) : statedDay(model, config);
  for (const field of missing) {
    if (field === 'status' && status) written.push({ field, value: status, day: false });
    if (field === 'date' && day) written.push({ field, value: day, day: true });
    if (field === 'id' && day && DATE_PART.test(config.metadata.idPattern)) {
      written.push({ field, value: reportId(config.metadata.idPattern, day), day: false });
    }
  }
  return written;
}

/**
 * Where a field missing from existing front matter goes; null when it cannot be said. Each key
 * starts its line (`missingFieldEdits` sees to it).
 */
function insertionPoint(model: PostmortemModel, field: MetadataField): number | null {
  const { lines, metadata, text } = model;
  const span = metadata.span!;
  const order = METADATA_FIELDS.indexOf(field);
  const after = metadata.entries
    .filter((entry) => METADATA_FIELDS.indexOf(entry.field) > order)
    .sort((a, b) => a.keySpan.start.offset - b.keySpan.start.offset)[0];
  if (after) return after.keySpan.start.offset;
  const closing = lines.lineStarts[span.end.line - 1]!;
  const body = lines.lineStarts[span.start.line]!;
  if (metadata.entries.length === 0 && /^[ \t]*[^\s#]/m.test(text.slice(body, closing))) {
    return null;
  }
  if (metadata.format === 'toml') {
    const table = /^[ \t]*\[/m.exec(text.slice(body, closing));
    if (table) return body + table.index;
  }
  return closing;
}

/** The edit that gives `entry` (written without a value) its value; null when it cannot. */
function fillEdit(
  model: PostmortemModel,
  entry: MetadataEntry,
  { value, day }: Written,
): TextEdit | null {
  const valueText = frontMatterValue(model.metadata.format!, value, day);
  if (entry.valueSpan) {
    const { start, end } = entry.valueSpan;
    return { start: start.offset, end: end.offset, newText: valueText };
  }
  // YAML's `status:`: the value goes after the colon.
  const colon = model.text.indexOf(':', entry.keySpan.end.offset);
  if (colon < 0 || model.text.slice(entry.keySpan.end.offset, colon).trim() !== '') return null;
  return { start: colon + 1, end: colon + 1, newText: ` ${valueText}` };
}

/**
 * The edits that write the known values of `missing` fields (absent, or written without a
 * value), and the lines they write; null when no value is known or none can be placed.
 */
export function missingFieldEdits(
  model: PostmortemModel,
  config: LintConfig,
  missing: readonly MetadataField[],
): { edits: TextEdit[]; written: string[] } | null {
  const values = knownValues(model, config, missing);
  if (values.length === 0) return null;
  const { metadata, lines, text } = model;
  const eol = lines.eol();
  // Front matter is read between lines that end in `\n`: none written in `\r` alone would read.
  if (eol === '\r') return null;
  const format = metadata.format ?? 'yaml';
  const written = values.map(({ field, value, day }) => frontMatterLine(format, field, value, day));
  if (!metadata.span) {
    if (opensUnclosedFrontMatter(text)) return null;
    const block = `---${eol}${written.join(eol)}${eol}---${eol}${eol}`;
    return { edits: [{ start: 0, end: 0, newText: block }], written };
  }
  // A top-level key starts its line; front matter whose keys do not (a flow mapping) is not
  // written into.
  if (metadata.entries.some((entry) => entry.keySpan.start.column !== 1)) return null;
  const inserts = new Map<number, string>();
  const edits: TextEdit[] = [];
  for (const [index, value] of values.entries()) {
    const entry = metadataEntry(metadata, value.field);
    if (entry) {
      const edit = fillEdit(model, entry, value);
      if (!edit) return null;
      edits.push(edit);
      continue;
    }
    const at = insertionPoint(model, value.field);
    if (at === null) return null;
    inserts.set(at, `${inserts.get(at) ?? ''}${written[index]}${eol}`);
  }
  for (const [at, newText] of inserts) edits.push({ start: at, end: at, newText });
  return { edits: edits.sort((a, b) => a.start - b.start), written };
}
