/**
 * Which Markdown files are post-mortems: only those get findings, lenses and hints, in the
 * editor and in the command line's folder and glob modes; any other Markdown (a README) is
 * left alone. One decision for every front end; the path's part is in `file-globs.ts`.
 */
import { matchesFileGlobs } from './file-globs';
import { frontMatterText, readFrontMatter } from './markdown/front-matter';
import type { PostmortemModel } from './model';

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
