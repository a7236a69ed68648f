/**
 * `metadata`: the front matter lacks a field that configuration requires, or writes a known
 * field with a value that does not read: a severity or status off the configured scale, a
 * `date` that is not a date, a `started` / `detected` / `resolved` that is not a time.
 *
 * Decisions where the spec is silent:
 * - A value that names a scale's value but for case and separators (`sev2`, `In Review`) is
 *   reported with a safe fix that writes the scale's spelling.
 * - A key written without a value counts as missing when the field is required; otherwise it
 *   is a field still to fill in, not a finding.
 * - `title` and `id` are text or numbers; `authors` and `services` a name or a list of names.
 */
import { oneOf } from '../config/json';
import { metadataEntry, scaleValue } from '../metadata/read';
import type { LintConfig, MetadataEntry, PostmortemModel, RuleFinding, Span } from '../model';
import { readTime } from '../timeline/times';
import type { Rule } from './rule';

/** Where a missing field is reported: the front matter's opening fence, else the first line. */
function missingSpan(model: PostmortemModel): Span {
  const { lines } = model;
  const start = model.metadata.span?.start.offset ?? 0;
  const line = lines.point(start).line;
  return lines.span(start, lines.lineEnd(line));
}

/** The value's text without its quotes, and where that is. */
function unquoted(
  model: PostmortemModel,
  span: Span,
): { text: string; start: number; end: number } {
  let start = span.start.offset;
  let end = span.end.offset;
  const quote = model.text[start];
  if ((quote === '"' || quote === "'") && model.text[end - 1] === quote && end - start >= 2) {
    start += 1;
    end -= 1;
  }
  return { text: model.text.slice(start, end), start, end };
}

function isEmpty(entry: MetadataEntry | undefined): boolean {
  return (
    entry === undefined ||
    entry.value === null ||
    (typeof entry.value === 'string' && entry.value.trim() === '')
  );
}

function missingFields(model: PostmortemModel, config: LintConfig): RuleFinding[] {
  const missing = config.metadata.required.filter((field) =>
    isEmpty(metadataEntry(model.metadata, field)),
  );
  if (missing.length === 0) return [];
  const names = oneOf(missing).replace(' or ', ' and ');
  const message = model.metadata.span
    ? `Front matter has no ${names}; add ${missing.length > 1 ? 'them' : 'it'}, as configuration requires`
    : `The report has no front matter; add one with ${names}, as configuration requires`;
  return [{ message, span: missingSpan(model) }];
}

/** A severity or status: one of its scale, or a finding (with a fix when the spelling is all). */
function scaleFinding(
  model: PostmortemModel,
  entry: MetadataEntry,
  scale: readonly string[],
): RuleFinding | null {
  if (isEmpty(entry) || !entry.valueSpan) return null;
  const expected = oneOf(scale);
  if (typeof entry.value !== 'string' && typeof entry.value !== 'number') {
    return {
      message: `Expected \`${entry.field}\` to be one of ${expected}`,
      span: entry.valueSpan,
    };
  }
  const written = String(entry.value).trim();
  if (scale.includes(written)) return null;
  const known = scaleValue(written, scale);
  const value = unquoted(model, entry.valueSpan);
  return {
    message: known
      ? `Write \`${entry.field}\` \`${written}\` as \`${known}\`, as the configured scale spells it`
      : `Unknown ${entry.field} \`${written}\`; expected ${expected}`,
    span: entry.valueSpan,
    ...(known
      ? {
          fix: {
            title: `Write \`${known}\``,
            edits: [{ start: value.start, end: value.end, newText: known }],
            safe: true,
          },
        }
      : {}),
  };
}

/** `date` reads as a calendar date with a year, and nothing else. */
function isDate(text: string): boolean {
  const read = readTime(text, 0, text.length);
  return (
    read !== null &&
    read.date?.year != null &&
    read.minuteOfDay === null &&
    read.end === text.length
  );
}

/** `started`, `detected`, `resolved` read as a time (a date alone will do), and nothing else. */
function isTime(text: string): boolean {
  const read = readTime(text, 0, text.length);
  return (
    read !== null &&
    !read.unknown &&
    (read.date !== null || read.minuteOfDay !== null) &&
    read.end === text.length
  );
}

const NAMES = new Set(['authors', 'services']);
const TEXTS = new Set(['title', 'id']);

function valueFinding(model: PostmortemModel, entry: MetadataEntry): RuleFinding | null {
  if (isEmpty(entry) || !entry.valueSpan) return null;
  const { value, field } = entry;
  const span = entry.valueSpan;
  if (field === 'date' || field === 'started' || field === 'detected' || field === 'resolved') {
    // As written: TOML's parser rewrites its dates (`2025-03-15T10:00:00.000Z`).
    const text = unquoted(model, span).text.trim();
    if (field === 'date' ? isDate(text) : isTime(text)) return null;
    return {
      message:
        field === 'date'
          ? `\`date\` \`${text}\` is not a date; write it as \`YYYY-MM-DD\``
          : `\`${field}\` \`${text}\` is not a time; write it as \`YYYY-MM-DD HH:mm\` with its zone`,
      span,
    };
  }
  if (NAMES.has(field)) {
    const names = Array.isArray(value) ? value : [value];
    if (names.every((name) => typeof name === 'string')) return null;
    return { message: `Expected \`${field}\` to be a name or a list of names`, span };
  }
  if (TEXTS.has(field) && typeof value !== 'string' && typeof value !== 'number') {
    return { message: `Expected \`${field}\` to be text`, span };
  }
  return null;
}

export const metadata: Rule = {
  id: 'metadata',
  description:
    'The front matter lacks a required field, or writes a severity, status, date or time that does not read.',
  defaultSeverity: 'warning',
  reads: 'structure',
  check(model, config) {
    const findings = missingFields(model, config);
    for (const entry of model.metadata.entries) {
      const found =
        entry.field === 'severity'
          ? scaleFinding(model, entry, config.metadata.severities)
          : entry.field === 'status'
            ? scaleFinding(model, entry, config.metadata.statuses)
            : valueFinding(model, entry);
      if (found) findings.push(found);
    }
    return findings;
  },
};
