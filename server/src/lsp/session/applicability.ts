/**
 * Which documents are post-mortems. Only those get diagnostics, lenses and hints; any other
 * Markdown (a README) gets nothing.
 */
import { isAbsolute, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import picomatch from 'picomatch';
import { frontMatterText, readFrontMatter, type PostmortemModel } from '../../engine';

/** Whether a document is Markdown, by language id or, failing that, by file extension. */
export function isMarkdown(languageId: string, uri: string): boolean {
  return languageId === 'markdown' || /\.(md|markdown)$/i.test(uri);
}

/** The file system path of a `file:` URI; null for other schemes (`untitled:`). */
export function uriToPath(uri: string): string | null {
  if (!uri.startsWith('file:')) return null;
  try {
    return fileURLToPath(uri);
  } catch {
    return null;
  }
}

const slashes = (path: string): string => path.replace(/\\/g, '/');

/**
 * Whether a file matches one of `globs`, tried against its path relative to each workspace
 * folder that holds it and against its absolute path, ignoring case.
 */
export function matchesFileGlobs(path: string, globs: string[], folders: string[]): boolean {
  if (globs.length === 0) return false;
  const matches = picomatch(globs, { nocase: true, dot: true });
  const candidates = [slashes(path)];
  for (const folder of folders) {
    const rel = relative(folder, path);
    if (rel && !rel.startsWith('..') && !isAbsolute(rel)) candidates.push(slashes(rel));
  }
  return candidates.some((candidate) => matches(candidate));
}

/** Whether front matter says `type: postmortem` (or `post-mortem`, any case). */
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

/** Whether an analysed Markdown document is a post-mortem, by its path or its content. */
export function isPostmortem(
  uri: string,
  model: PostmortemModel,
  globs: string[],
  folders: string[],
): boolean {
  const path = uriToPath(uri);
  return (
    (path !== null && matchesFileGlobs(path, globs, folders)) ||
    declaresPostmortem(model) ||
    looksLikePostmortem(model)
  );
}
