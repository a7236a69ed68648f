/** Findings, notices, configuration problems and analysis failures as LSP diagnostics. */
import type { Diagnostic } from 'vscode-languageserver';
import { DiagnosticSeverity } from 'vscode-languageserver';
import type { Analysis, Finding, Notice, Severity } from '../../engine';
import { ruleUrl } from '../../engine';
import type { AnalyzedDocument } from './analyzed';
import type { PositionMapper } from './positions';

/** `source` of every diagnostic the server publishes. */
export const DIAGNOSTIC_SOURCE = 'postmortem';

const SEVERITY: Record<Exclude<Severity, 'off'>, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
};

/** The diagnostic of a finding. */
export function findingDiagnostic(finding: Finding, positions: PositionMapper): Diagnostic {
  return {
    range: positions.range(finding.span),
    severity: SEVERITY[finding.severity],
    code: finding.ruleId,
    codeDescription: { href: ruleUrl(finding.ruleId) },
    source: DIAGNOSTIC_SOURCE,
    message: finding.message,
  };
}

/** The diagnostic of a notice (such as a report too large to check fully): information, no rule. */
function noticeDiagnostic(notice: Notice, positions: PositionMapper): Diagnostic {
  return {
    range: positions.range(notice.span),
    severity: DiagnosticSeverity.Information,
    source: DIAGNOSTIC_SOURCE,
    message: notice.message,
  };
}

/** The diagnostics of an analysis: its notices, then its findings. */
export function analysisDiagnostics(analysis: Analysis, positions: PositionMapper): Diagnostic[] {
  return [
    ...analysis.notices.map((notice) => noticeDiagnostic(notice, positions)),
    ...analysis.findings.map((finding) => findingDiagnostic(finding, positions)),
  ];
}

/** A configuration problem at 1-based lines and columns of the configuration file. */
export interface ProblemPlace {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  message: string;
}

/** The diagnostic of a problem in a configuration file. */
export function configProblemDiagnostic(problem: ProblemPlace): Diagnostic {
  const start = { line: Math.max(0, problem.line - 1), character: Math.max(0, problem.column - 1) };
  const end = {
    line: Math.max(start.line, problem.endLine - 1),
    character: Math.max(0, problem.endColumn - 1),
  };
  if (end.line === start.line && end.character < start.character) end.character = start.character;
  return {
    range: { start, end },
    severity: DiagnosticSeverity.Error,
    source: DIAGNOSTIC_SOURCE,
    message: problem.message,
  };
}

/** The one diagnostic of a document whose analysis threw. */
export function analysisFailedDiagnostic(reason: string): Diagnostic {
  return {
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    severity: DiagnosticSeverity.Information,
    source: DIAGNOSTIC_SOURCE,
    message: `Post-mortem analysis failed: ${reason}. The error is in the server log`,
  };
}

/** What an open document shows in the Problems view. */
export function documentDiagnostics(analyzed: AnalyzedDocument): Diagnostic[] {
  if (analyzed.failure !== null) return [analysisFailedDiagnostic(analyzed.failure)];
  if (!analyzed.analysis || !analyzed.isPostmortem) return [];
  return analysisDiagnostics(analyzed.analysis, analyzed.positions);
}
