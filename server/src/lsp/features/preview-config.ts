/** `postmortem/previewConfig`: the configuration a post-mortem was analysed with, for the Markdown preview. */
import type { PreviewConfigResult } from '../../protocol';
import type { AnalyzedDocument } from '../session/analyzed';
import { isAnalyzedPostmortem } from '../session/analyzed';

/** The document's configuration; null for a document that is not an analysed post-mortem. */
export function previewConfig(document: AnalyzedDocument | undefined): PreviewConfigResult | null {
  return isAnalyzedPostmortem(document) ? { config: document.config } : null;
}
