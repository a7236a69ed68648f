/**
 * `metadata`: the front matter lacks a field that configuration requires, or writes a known
 * field with a value that does not read: a severity or status off the configured scale, a
 * `date` that is not a date, a `started` / `detected` / `resolved` that is not a time.
 *
 * Decisions where the spec is silent:
 * - A value that names a scale's value but for case and separators (`sev2`, `In Review`) is
 *   reported with a safe fix that writes the scale's spelling. One a single character off one
 *   value alone (`fianl`) gets that value as a fix offered, not applied by `--fix`; a value of
 *   another scale (`P2` on `SEV1`…`SEV4`) gets a safe fix only when `metadata.aliases` maps
 *   it; otherwise none: nothing says which value it means.
 * - `date` is `YYYY-MM-DD`, the form the summaries across reports read. Another form of one day
 *   that the timeline reads (`15 March 2025`, `2025/03/15`) is reported with a safe fix that
 *   writes it so; `03/04/2025`, when neither the document nor `dateOrder` says which part is the
 *   day, with none.
 * - A missing required field whose value the report gives (`metadata/write.ts`) has a fix that
 *   writes it, offered only: the author says whether the value holds.
 * - A key written without a value counts as missing when the field is required; otherwise it
 *   is a field still to fill in, not a finding.
 * - `title` and `id` are text or numbers; `authors` and `services` a name or a list of names.
 */
import { oneOf } from '../config/json';
import {
  aliasValue,
  metadataEntry,
  nearScaleValue,
  scaleValue,
  writtenValue,
} from '../metadata/read';
import { missingFieldEdits, readDay } from '../metadata/write';
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
  const known = missingFieldEdits(model, config, missing);
  const fix = known && {
    title: `Write ${oneOf(known.written).replace(' or ', ' and ')} into the front matter`,
    edits: known.edits,
    // The values are the report's own or the first status, but the author says they hold.
    safe: false,
  };
  return [{ message, span: missingSpan(model), ...(fix ? { fix } : {}) }];
}

/** A severity or status: one of its scale, or a finding (with a fix when the spelling is all). */
function scaleFinding(
  model: PostmortemModel,
  entry: MetadataEntry,
  scale: readonly string[],
  aliases: Readonly<Record<string, string>>,
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
  const value = writtenValue(model.text, entry.valueSpan);
  const spelt = scaleValue(written, scale);
  const known = spelt ?? aliasValue(written, scale, aliases);
  if (known) {
    const why = spelt ? 'as the configured scale spells it' : 'as configuration maps it';
    return {
      message: `Write \`${entry.field}\` \`${written}\` as \`${known}\`, ${why}`,
      span: entry.valueSpan,
      fix: {
        title: `Write \`${known}\``,
        edits: [{ start: value.start, end: value.end, newText: known }],
        safe: true,
      },
    };
  }
  const near = nearScaleValue(written, scale);
  return {
    message: `Unknown ${entry.field} \`${written}\`; expected ${expected}`,
    span: entry.valueSpan,
    ...(near
      ? {
          // One character off is a guess: offered, never applied unasked.
          fix: {
            title: `Write \`${near}\`, the nearest ${entry.field}`,
            edits: [{ start: value.start, end: value.end, newText: near }],
            safe: false,
          },
        }
      : {}),
  };
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

/** `date`: `YYYY-MM-DD`; another form of one day is rewritten, with a fix when it is clear. */
function dateFinding(
  model: PostmortemModel,
  config: LintConfig,
  text: string,
  value: { text: string; start: number },
  span: Span,
): RuleFinding | null {
  const read = readDay(text, model, config);
  if (read.kind === 'iso') return null;
  if (read.kind === 'none') {
    return { message: `\`date\` \`${text}\` is not a date; write it as \`YYYY-MM-DD\``, span };
  }
  if (!read.settled) {
    return {
      message: `\`date\` \`${text}\` does not say which part is the day; write it as \`YYYY-MM-DD\``,
      span,
    };
  }
  const start = value.start + (value.text.length - value.text.trimStart().length);
  return {
    message: `Write \`date\` \`${text}\` as \`${read.day}\` (\`YYYY-MM-DD\`)`,
    span,
    fix: {
      title: `Write \`${read.day}\``,
      edits: [{ start, end: start + text.length, newText: read.day }],
      safe: true,
    },
  };
}

function valueFinding(
  model: PostmortemModel,
  config: LintConfig,
  entry: MetadataEntry,
): RuleFinding | null {
  if (isEmpty(entry) || !entry.valueSpan) return null;
  const { value, field } = entry;
  const span = entry.valueSpan;
  if (field === 'date' || field === 'started' || field === 'detected' || field === 'resolved') {
    // As written: TOML's parser rewrites its dates (`2025-03-15T10:00:00.000Z`).
    const value = writtenValue(model.text, span);
    const text = value.text.trim();
    if (field !== 'date') {
      if (isTime(text)) return null;
      return {
        message: `\`${field}\` \`${text}\` is not a time; write it as \`YYYY-MM-DD HH:mm\` with its zone`,
        span,
      };
    }
    return dateFinding(model, config, text, value, span);
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
          ? scaleFinding(model, entry, config.metadata.severities, config.metadata.aliases)
          : entry.field === 'status'
            ? scaleFinding(model, entry, config.metadata.statuses, config.metadata.aliases)
            : valueFinding(model, config, entry);
      if (found) findings.push(found);
    }
    return findings;
  },
};
