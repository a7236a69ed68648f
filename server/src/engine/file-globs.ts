/**
 * Which files are post-mortems by their path: the `files` globs, and the Markdown extensions
 * folders are searched for. No parser here, so the editor client can ask it too.
 */
import { fileGlob } from './glob-match';

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
  const folderPath = slashes(folder);
  let end = folderPath.length;
  while (end > 0 && folderPath[end - 1] === '/') end--;
  const base = folderPath.slice(0, end);
  const file = slashes(path);
  return file.startsWith(`${base}/`) ? file.slice(base.length + 1) : null;
}

/**
 * Whether a file matches one of `globs`, tried against its path relative to each folder that
 * holds it (workspace folders, the folder of a configuration file) and against its absolute
 * path, ignoring case. Globs that `fileGlobProblem` finds a problem in match nothing.
 */
export function matchesFileGlobs(
  path: string,
  globs: readonly string[],
  folders: readonly string[],
): boolean {
  const matchers = globs.flatMap((glob) => fileGlob(glob) ?? []);
  if (matchers.length === 0) return false;
  const candidates = [slashes(path)];
  for (const folder of folders) {
    const relative = within(folder, path);
    if (relative) candidates.push(relative);
  }
  return candidates.some((candidate) => matchers.some((matcher) => matcher.matches(candidate)));
}
