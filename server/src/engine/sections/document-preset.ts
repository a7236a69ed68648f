/**
 * The preset a report names in its front matter (`preset: google-sre` in YAML, `preset =
 * "google-sre"` in TOML): the report is checked against that preset's sections instead of the
 * configured ones (the configuration's rule severities, milestone keywords and time zone still
 * apply). "New Post-Mortem" writes it when the sections picked are not the configured ones, so
 * that a report started from another template is not judged by the folder's; the fix of an
 * inferred preset (`infer-preset.ts`) writes it too.
 */
import type { RootContent } from 'mdast';
import type { Fix, Notice, Schema } from '../model';
import { findPreset, unknownPresetMessage } from './presets';
import { frontMatterLine, frontMatterText, readFrontMatter } from '../markdown/front-matter';
import type { LineIndex } from '../markdown/lines';

/** The front matter's `preset:` value and its offset in the text, or null. */
function namedPreset(
  children: readonly RootContent[],
  lines: LineIndex,
): { name: string; offset: number } | null {
  const matter = readFrontMatter(children, lines.text);
  const name = frontMatterText(matter, 'preset');
  const offset = matter?.keys.preset;
  return name !== null && offset !== undefined ? { name, offset } : null;
}

/** Whether the front matter names a preset (known or not). */
export function namesPreset(children: readonly RootContent[], lines: LineIndex): boolean {
  return namedPreset(children, lines) !== null;
}

/** The sections a document is checked against: its front matter's preset, else `configured`. */
export function documentSchema(
  children: readonly RootContent[],
  lines: LineIndex,
  configured: Schema,
): Schema {
  const named = namedPreset(children, lines);
  return (named && findPreset(named.name)?.schema) ?? configured;
}

/** A notice when the front matter names a preset that does not exist. */
export function documentPresetNotices(
  children: readonly RootContent[],
  lines: LineIndex,
): Notice[] {
  const named = namedPreset(children, lines);
  if (!named || findPreset(named.name)) return [];
  const line = lines.point(named.offset).line;
  return [
    {
      message: `${unknownPresetMessage(named.name, ' in the front matter')}. The configured sections are used`,
      span: lines.span(named.offset, lines.lineEnd(line)),
    },
  ];
}

/**
 * The fix that names preset `name` in the front matter: a line before the closing fence of
 * the front matter there is, else new YAML front matter at the top. Not safe: it changes
 * what the report declares, which its author decides.
 */
export function namePresetFix(
  children: readonly RootContent[],
  lines: LineIndex,
  name: string,
): Fix {
  const eol = lines.eol();
  const front = readFrontMatter(children, lines.text);
  const title = `Write \`preset: ${name}\` into the front matter`;
  if (!front) {
    return {
      title,
      edits: [{ start: 0, end: 0, newText: `---${eol}preset: ${name}${eol}---${eol}${eol}` }],
      safe: false,
    };
  }
  const closing = lines.lineStarts[lines.point(front.end).line - 1]!;
  const line = frontMatterLine(front.format, 'preset', name);
  return {
    title,
    edits: [{ start: closing, end: closing, newText: `${line}${eol}` }],
    safe: false,
  };
}
