/**
 * Front matter: the one place that reads it. YAML between `---` fences or TOML between `+++`
 * fences opening the document (the parser's `yaml` and `toml` nodes), read with maintained
 * parsers into a plain object of its top-level fields, with where each key is written.
 *
 * Decisions where the spec is silent:
 * - Front matter over `MAX_FRONT_MATTER` characters, or that does not read as a mapping, has
 *   no fields: a report's front matter is a few lines, and hostile input must not cost more.
 * - A YAML document with an error keeps the fields it could read (a typo in `title:` does not
 *   hide `preset:`); TOML that does not parse has none (its parser does not recover).
 * - Dates are strings: YAML's as written, TOML's as its parser writes them (`2025-03-15`,
 *   `2025-03-15T10:00:00.000Z`).
 * - An opening fence that no fence closes opens no front matter: it is a thematic break, and
 *   the lists and quotes after it read as they would without it (`opensUnclosedFrontMatter`).
 */
import type { Literal } from 'mdast';
import { parse as parseToml } from 'smol-toml';
import { isMap, isScalar, parseDocument } from 'yaml';

/** Front matter past this size is not read (a hostile file, not a report's header). */
export const MAX_FRONT_MATTER = 64 * 1024;
/** YAML aliases expanded at most (a "billion laughs" document expands no further). */
const MAX_ALIASES = 100;

export interface FrontMatter {
  format: 'yaml' | 'toml';
  /** Offsets of the whole block, fences included. */
  start: number;
  end: number;
  /** The top-level fields as plain values: strings, numbers, booleans, lists, objects. */
  fields: Record<string, unknown>;
  /** The offset in the document of each top-level key. */
  keys: Record<string, number>;
  /**
   * Where each top-level key's value is written, `[start, end)` offsets in the document: a
   * scalar's text (quotes included), a YAML list's or mapping's whole text, a TOML value's
   * first line. Absent for a key written with no value.
   */
  values: Record<string, [number, number]>;
}

/** The line that may open front matter: `---` or `+++` alone, trailing spaces and tabs allowed. */
const OPENING_FENCE = /^(-{3}|\+{3})[ \t]*(?:\r\n?|\n)/;

/**
 * Whether the text opens with a front-matter fence that no line closes (the same three
 * characters in column 1, then only spaces and tabs). The parser's front-matter extension
 * would give up on it only after reading the whole text, leaving every later list and block
 * quote a paragraph; such a text is parsed without front matter.
 */
export function opensUnclosedFrontMatter(text: string): boolean {
  const opening = OPENING_FENCE.exec(text);
  if (!opening) return false;
  const fence = opening[1]!;
  for (let start = opening[0].length; start < text.length;) {
    let end = start;
    while (end < text.length && text[end] !== '\n' && text[end] !== '\r') end++;
    if (text.startsWith(fence, start) && /^[ \t]*$/.test(text.slice(start + 3, end))) return false;
    start = end + (text[end] === '\r' && text[end + 1] === '\n' ? 2 : 1);
  }
  return true;
}

/** A parsed node of the kind front matter makes (mdast has no `toml` type of its own). */
interface MatterNode {
  type: string;
  position?: Literal['position'];
}

const cache = new WeakMap<object, FrontMatter>();

/** Plain values for TOML's date objects; the rest as is. */
function plain(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map(plain);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, plain(v)]));
  }
  return value;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

type Read = Pick<FrontMatter, 'fields' | 'keys' | 'values'>;

function readYaml(source: string, base: number): Read {
  const doc = parseDocument(source, { prettyErrors: false, uniqueKeys: false });
  const keys: Record<string, number> = {};
  const values: Record<string, [number, number]> = {};
  if (!isMap(doc.contents)) return { fields: {}, keys, values };
  for (const item of doc.contents.items) {
    if (!isScalar(item.key) || !item.key.range) continue;
    const key = String(item.key.value);
    keys[key] = base + item.key.range[0];
    const range = (item.value as { range?: [number, number, number] } | null)?.range;
    if (range && range[1] > range[0]) values[key] = [base + range[0], base + range[1]];
  }
  const fields = doc.toJS({ maxAliasCount: MAX_ALIASES }) as unknown;
  return { fields: isRecord(fields) ? fields : {}, keys, values };
}

/** A top-level TOML key at the start of a line: `date = …`, `"preset" = …`. */
const TOML_KEY = /^[ \t]{0,8}(["']?)([A-Za-z0-9_-]{1,64})\1[ \t]{0,8}=[ \t]*/;

/** The end of a TOML value on its line: before a `#` comment outside quotes, spaces trimmed. */
function tomlValueEnd(line: string, start: number): number {
  let quote: string | null = null;
  let end = start;
  for (let i = start; i < line.length; i++) {
    const c = line[i]!;
    if (quote) {
      if (c === quote) quote = null;
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '#') break;
    if (c !== ' ' && c !== '\t' && c !== '\r') end = i + 1;
  }
  return end;
}

function readToml(source: string, base: number): Read {
  const fields = plain(parseToml(source));
  const keys: Record<string, number> = {};
  const values: Record<string, [number, number]> = {};
  let offset = base;
  for (const line of source.split('\n')) {
    // Keys after the first table header belong to that table.
    if (/^[ \t]*\[/.test(line)) break;
    const key = TOML_KEY.exec(line);
    if (key && !(key[2]! in keys)) {
      keys[key[2]!] = offset + line.indexOf(key[2]!);
      const start = key[0].length;
      const end = tomlValueEnd(line, start);
      if (end > start) values[key[2]!] = [offset + start, offset + end];
    }
    offset += line.length + 1;
  }
  return { fields: isRecord(fields) ? fields : {}, keys, values };
}

/**
 * The front matter opening a document whose parsed top-level nodes are `children`, or null
 * when it has none.
 */
export function readFrontMatter(children: readonly MatterNode[], text: string): FrontMatter | null {
  const node = children[0];
  if (!node || (node.type !== 'yaml' && node.type !== 'toml')) return null;
  const cached = cache.get(node);
  if (cached) return cached;
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  if (start === undefined || end === undefined) return null;
  const format = node.type;
  const opened = text.indexOf('\n', start) + 1;
  const closed = text.lastIndexOf('\n', end - 1);
  let read: Read = { fields: {}, keys: {}, values: {} };
  if (opened > 0 && closed >= opened && end - start <= MAX_FRONT_MATTER) {
    // Without the `\r` of the last line's CRLF: TOML's parser refuses a value that ends in one.
    const source = text.slice(opened, text[closed - 1] === '\r' ? closed - 1 : closed);
    try {
      read = format === 'yaml' ? readYaml(source, opened) : readToml(source, opened);
    } catch {
      // Not a mapping the parsers can read (a TOML error, YAML nested past the stack): none.
    }
  }
  const matter: FrontMatter = { format, start, end, ...read };
  cache.set(node, matter);
  return matter;
}

/** A field as text (`date: 2025-03-15`, `preset = "dfds"`), or null when absent or not text. */
export function frontMatterText(matter: FrontMatter | null, field: string): string | null {
  const value = matter?.fields[field];
  if (typeof value === 'string') return value.trim();
  return typeof value === 'number' ? String(value) : null;
}

/** A YAML scalar for any text: quoted where plain YAML would read it otherwise. */
function yamlText(text: string): string {
  const plain =
    /^[\p{L}\p{N}][\p{L}\p{N} .,'()/&+-]*$/u.test(text) &&
    !text.endsWith(' ') &&
    !/^(?:true|false|null|yes|no|on|off|[\d.+-]+)$/i.test(text);
  return plain ? text : JSON.stringify(text);
}

/**
 * A value as front matter in `format` writes it: in YAML plain, or quoted where plain YAML would
 * read it otherwise; in TOML a string in quotes. A `day` (`YYYY-MM-DD`) is bare in both (in
 * TOML a local date).
 */
export function frontMatterValue(
  format: FrontMatter['format'],
  value: string,
  day = false,
): string {
  if (day) return value;
  return format === 'yaml' ? yamlText(value) : JSON.stringify(value);
}

/** A top-level field as a line of front matter: `key: value` in YAML, `key = "value"` in TOML. */
export function frontMatterLine(
  format: FrontMatter['format'],
  key: string,
  value: string,
  day = false,
): string {
  return `${key}${format === 'yaml' ? ':' : ' ='} ${frontMatterValue(format, value, day)}`;
}
