/**
 * Which Markdown files are post-mortems: only those get findings, lenses and hints, in the
 * editor and in the command line's folder and glob modes; any other Markdown (a README) is
 * left alone. One decision for every front end.
 */
import picomatch from 'picomatch';
import { frontMatterText, readFrontMatter } from './markdown/front-matter';
import type { PostmortemModel } from './model';

/** Globs of files that are post-mortems, when settings say nothing (`postmortem.files`). */
export const DEFAULT_POSTMORTEM_FILES: readonly string[] = [
  '**/postmortems/**',
  '**/post-mortems/**',
  '**/*postmortem*.md',
  '**/*post-mortem*.md',
  '**/incidents/**',
];

/** Extensions of Markdown files that folders are searched for, beside configured ones. */
export const MARKDOWN_EXTENSIONS: readonly string[] = ['.md', '.markdown'];

/** Whether a path names a Markdown file: `.md`, `.markdown`, or one of `extensions`. */
export function hasMarkdownExtension(path: string, extensions: readonly string[] = []): boolean {
  const lower = path.toLowerCase();
  return [...MARKDOWN_EXTENSIONS, ...extensions].some((extension) =>
    lower.endsWith(extension.toLowerCase()),
  );
}

const slashes = (path: string): string => path.replace(/\\/g, '/');

/** `path` relative to `folder` (both absolute), or null when it is not inside it. */
function within(folder: string, path: string): string | null {
  const base = slashes(folder).replace(/\/+$/, '');
  const file = slashes(path);
  return file.startsWith(`${base}/`) ? file.slice(base.length + 1) : null;
}

/**
 * Whether a file matches one of `globs`, tried against its path relative to each folder that
 * holds it (workspace folders, the folder of a configuration file) and against its absolute
 * path, ignoring case.
 */
export function matchesFileGlobs(
  path: string,
  globs: readonly string[],
  folders: readonly string[],
): boolean {
  if (globs.length === 0) return false;
  const matches = picomatch([...globs], { nocase: true, dot: true });
  const candidates = [slashes(path)];
  for (const folder of folders) {
    const relative = within(folder, path);
    if (relative) candidates.push(relative);
  }
  return candidates.some((candidate) => matches(candidate));
}

/** Whether front matter (YAML or TOML) says `type: postmortem` (or `post-mortem`, any case). */
export function declaresPostmortem(model: PostmortemModel): boolean {
  const type = frontMatterText(readFrontMatter(model.tree.children, model.text), 'type');
  return type !== null && /^post-?mortem$/i.test(type);
}

/** Whether the content reads like a post-mortem: three schema sections, the timeline among them. */
export function looksLikePostmortem(model: PostmortemModel): boolean {
  return (
    model.sections.length >= 3 && model.sections.some((section) => section.spec.id === 'timeline')
  );
}

/** Globs and the folders they are relative to. */
export interface FileGlobs {
  globs: readonly string[];
  folders: readonly string[];
}

/**
 * Whether an analysed Markdown document is a post-mortem: its path (null for an unsaved
 * document) matches one of the groups of globs, or its content says so.
 */
export function isPostmortem(
  path: string | null,
  model: PostmortemModel,
  fileGlobs: readonly FileGlobs[],
): boolean {
  return (
    (path !== null &&
      fileGlobs.some(({ globs, folders }) => matchesFileGlobs(path, globs, folders))) ||
    declaresPostmortem(model) ||
    looksLikePostmortem(model)
  );
}
