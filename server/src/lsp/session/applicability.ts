/**
 * Which editor documents can be post-mortems: Markdown documents, by language id or file
 * extension. Which of those are post-mortems the engine decides (`engine/applicability.ts`).
 */
import { hasMarkdownExtension } from '../../engine';

/** Whether a document is Markdown, by language id or, failing that, by file extension. */
export function isMarkdown(languageId: string, uri: string): boolean {
  return languageId === 'markdown' || hasMarkdownExtension(uri);
}
