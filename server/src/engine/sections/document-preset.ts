/**
 * The preset a report names in its YAML front matter (`preset: google-sre`): the report is
 * checked against that preset's sections instead of the configured ones (the configuration's
 * rule severities, milestone keywords and time zone still apply). "New Post-Mortem" writes it
 * when the sections picked are not the configured ones, so that a report started from another
 * template is not judged by the folder's.
 */
import type { RootContent } from 'mdast';
import type { Notice, Schema } from '../model';
import { findPreset, unknownPresetMessage } from './presets';
import type { LineIndex } from '../markdown/lines';

const PRESET_LINE = /^preset:[ \t]*(["']?)([^"'#\r\n]*?)\1[ \t]*(?:#.*)?$/m;

/** The front matter's `preset:` value and its offset in the text, or null. */
function namedPreset(
  children: readonly RootContent[],
  lines: LineIndex,
): { name: string; offset: number } | null {
  const first = children[0];
  const start = first?.position?.start.offset;
  const end = first?.position?.end.offset;
  if (first?.type !== 'yaml' || start === undefined || end === undefined) return null;
  // The front matter as written, fences included: they never match.
  const match = PRESET_LINE.exec(lines.text.slice(start, end));
  return match ? { name: match[2]!.trim(), offset: start + match.index } : null;
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
