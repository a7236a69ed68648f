/**
 * Which editor documents can be post-mortems: Markdown documents, by language id or file
 * extension. Which of those are post-mortems the engine decides (`engine/applicability.ts`),
 * from the globs given here.
 */
import type { FileGlobs } from '../../engine';
import { hasMarkdownExtension } from '../../engine';
import type { DocumentConfiguration } from './analyzed';

/** Whether a document is Markdown, by language id or, failing that, by file extension. */
export function isMarkdown(languageId: string, uri: string): boolean {
  return languageId === 'markdown' || hasMarkdownExtension(uri);
}

/**
 * The globs that make a file a post-mortem by its path: `postmortem.files` relative to the
 * workspace folders, and the configuration file's `files` relative to its folder.
 */
export function postmortemGlobs(
  { settings, config, configFolder }: DocumentConfiguration,
  workspaceFolders: readonly string[],
): FileGlobs[] {
  return [
    { globs: settings.files, folders: workspaceFolders },
    { globs: config.files, folders: configFolder ? [configFolder] : [] },
  ];
}
