/**
 * What the workspace index keeps of one report: its summary (`summarizeReport`, the one
 * summary every view reads) and, for a report read from disk, its diagnostics for the Problems
 * view. Never its tree: the analysis is dropped once these are taken from it.
 */
import type { Diagnostic } from 'vscode-languageserver';
import type { Analysis, LintConfig, ReportSummary } from '../../engine';
import { summarizeReport } from '../../engine';
import { analysisDiagnostics } from '../session/diagnostics';
import type { PositionMapper } from '../session/positions';

export interface IndexedReport {
  uri: string;
  summary: ReportSummary;
  /** Whether it stands for an editor's text (unsaved text wins over the disk's). */
  open: boolean;
  /** Its diagnostics as read from disk; null for an open report (the editor's are published). */
  diagnostics: Diagnostic[] | null;
  /** Changes whenever `diagnostics` may have: the result id of workspace diagnostics. */
  resultId: string;
}

/** The entry of a report analysed under `config` (its result id is the index's); `open` for an editor's text. */
export function indexedReport(
  uri: string,
  analysis: Analysis,
  config: LintConfig,
  positions: PositionMapper,
  open: boolean,
): Omit<IndexedReport, 'resultId'> {
  return {
    uri,
    summary: summarizeReport(analysis, config),
    open,
    diagnostics: open ? null : analysisDiagnostics(analysis, positions),
  };
}
