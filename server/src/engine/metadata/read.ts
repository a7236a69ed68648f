/**
 * A report's metadata: the known fields of its front matter (`title`, `id`, `date`,
 * `severity`, `status`, `authors`, `services`, `started`, `detected`, `resolved`), each with
 * where its key and value are written, read from what `markdown/front-matter.ts` parsed.
 * Other fields (`preset`, `type`, `tags`) are the front matter's own business.
 */
import type { FrontMatter } from '../markdown/front-matter';
import type { LineIndex } from '../markdown/lines';
import type { Metadata, MetadataEntry, Span } from '../model';
import { METADATA_FIELDS } from '../model';

/** The metadata of a document without front matter. */
export const NO_METADATA: Metadata = {
  span: null,
  format: null,
  entries: [],
  severity: null,
  status: null,
};

function textOf(value: unknown): string | null {
  if (typeof value === 'string') return value.trim();
  return typeof value === 'number' ? String(value) : null;
}

/** The metadata of a document whose front matter is `matter` (null when it has none). */
export function readMetadata(matter: FrontMatter | null, text: string, lines: LineIndex): Metadata {
  if (!matter) return NO_METADATA;
  const entries = METADATA_FIELDS.flatMap((field): MetadataEntry[] => {
    const key = matter.keys[field];
    if (key === undefined) return [];
    const value = matter.values[field];
    const parsed = matter.fields[field] ?? null;
    // A TOML date or time as written, not as its parser rewrites it (`…T10:00:00.000Z`).
    const source = value ? text.slice(value[0], value[1]) : '';
    const written =
      matter.format === 'toml' && typeof parsed === 'string' && /^\d/.test(source)
        ? source
        : parsed;
    return [
      {
        field,
        value: written,
        keySpan: lines.span(key, key + field.length),
        valueSpan: value ? lines.span(value[0], value[1]) : null,
      },
    ];
  });
  return {
    span: lines.span(matter.start, matter.end),
    format: matter.format,
    entries,
    severity: textOf(matter.fields.severity),
    status: textOf(matter.fields.status),
  };
}

/** The entry of `field`, if the front matter writes it. */
export function metadataEntry(metadata: Metadata, field: string): MetadataEntry | undefined {
  return metadata.entries.find((entry) => entry.field === field);
}

/** A value's text as written, without its quotes, and where that is. */
export function writtenValue(
  text: string,
  span: Span,
): { text: string; start: number; end: number } {
  let start = span.start.offset;
  let end = span.end.offset;
  const quote = text[start];
  if ((quote === '"' || quote === "'") && text[end - 1] === quote && end - start >= 2) {
    start += 1;
    end -= 1;
  }
  return { text: text.slice(start, end), start, end };
}

/** A value as compared with a scale: case, spaces, `-` and `_` do not matter (`Sev 2`, `SEV-2`). */
function folded(value: string): string {
  return value.toLowerCase().replace(/[\s_-]+/g, '');
}

/**
 * The value of `scale` that `written` names, ignoring case and separators, else the one an
 * alias of configuration maps it to (`P2` → `SEV2`); null for none.
 */
export function scaleValue(
  written: string,
  scale: readonly string[],
  aliases: Readonly<Record<string, string>> = {},
): string | null {
  const typed = folded(written);
  return scale.find((value) => folded(value) === typed) ?? aliasValue(written, scale, aliases);
}

/** The value of `scale` that an alias of configuration maps `written` to; null for none. */
export function aliasValue(
  written: string,
  scale: readonly string[],
  aliases: Readonly<Record<string, string>>,
): string | null {
  const typed = folded(written);
  const target = Object.entries(aliases).find(([from]) => folded(from) === typed)?.[1];
  return target !== undefined && scale.includes(target) ? target : null;
}

/** Whether `a` and `b` differ by one character added, dropped, changed, or two swapped. */
function oneEditApart(a: string, b: string): boolean {
  if (a === b || Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  if (a.length !== b.length) {
    const [longer, shorter] = a.length > b.length ? [a, b] : [b, a];
    return longer.slice(i + 1) === shorter.slice(i);
  }
  if (a.slice(i + 1) === b.slice(i + 1)) return true;
  return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
}

/** Shortest value (folded) that a near miss is read for: `SEV5` is no near miss of `SEV4`. */
const MIN_NEAR_MISS = 4;

/**
 * The one value of `scale` that `written` misses by one character (`fianl`, `in-reveiw`,
 * `drafts`), ignoring case and separators; null when none does, or more than one (`SEV5` is one
 * edit from every `SEV` value), or the value is too short to tell (`P5`).
 */
export function nearScaleValue(written: string, scale: readonly string[]): string | null {
  const typed = folded(written);
  if (typed.length < MIN_NEAR_MISS) return null;
  const near = scale.filter((value) => oneEditApart(typed, folded(value)));
  return near.length === 1 ? near[0]! : null;
}
