/** What the server knows of an open document after analysing it: what every feature reads. */
import type { Analysis, LintConfig } from '../../engine';
import type { PositionMapper } from './positions';
import type { Settings } from './settings';

/** One analysed version of an open Markdown document. */
export interface AnalyzedDocument {
  uri: string;
  version: number;
  settings: Settings;
  config: LintConfig;
  positions: PositionMapper;
  /** Null when the engine threw on this text. */
  analysis: Analysis | null;
  /** What the engine threw, when it did. */
  failure: string | null;
  /** Whether the document is a post-mortem; features serve only those. */
  isPostmortem: boolean;
}

/** An analysed post-mortem: what every feature works on. */
export type AnalyzedPostmortem = AnalyzedDocument & { analysis: Analysis; isPostmortem: true };

/** Whether features should serve a document. */
export function isAnalyzedPostmortem(
  document: AnalyzedDocument | undefined,
): document is AnalyzedPostmortem {
  return document !== undefined && document.isPostmortem && document.analysis !== null;
}

/** Settings and configuration of a document. */
export interface DocumentConfiguration {
  settings: Settings;
  config: LintConfig;
  /** The folder of the configuration file, which its `files` globs are relative to. */
  configFolder: string | null;
}

/** An analysed document and the configuration generation it was analysed under. */
export type Analyzed = AnalyzedDocument & { generation: number };
