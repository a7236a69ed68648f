/** Reading the server's diagnostics as the tests compare them: `rule-id:line`. */
import * as vscode from 'vscode';

/** `source` of the server's diagnostics. */
export const DIAGNOSTIC_SOURCE = 'postmortem';

/**
 * A diagnostic's code as a string. The server sends a `codeDescription` (the rule's page), so
 * VS Code hands the code over as `{ value, target }`.
 */
export function codeOf(diagnostic: vscode.Diagnostic): string {
  const code = diagnostic.code;
  if (code === undefined) return '';
  return typeof code === 'object' ? String(code.value) : String(code);
}

/** The diagnostics of `uri` that the post-mortem server published. */
export function ourDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages
    .getDiagnostics(uri)
    .filter((diagnostic) => diagnostic.source === DIAGNOSTIC_SOURCE);
}

/** `rule-id:line` (1-based) of each diagnostic, sorted. */
export function diagnosticSummary(diagnostics: readonly vscode.Diagnostic[]): string[] {
  return diagnostics
    .map((diagnostic) => `${codeOf(diagnostic)}:${diagnostic.range.start.line + 1}`)
    .sort();
}

/** The one diagnostic of a rule; throws when there is none or more than one. */
export function diagnosticOf(
  diagnostics: readonly vscode.Diagnostic[],
  ruleId: string,
): vscode.Diagnostic {
  const found = diagnostics.filter((diagnostic) => codeOf(diagnostic) === ruleId);
  if (found.length !== 1) {
    throw new Error(
      `Expected one \`${ruleId}\` diagnostic, found ${found.length} in [${diagnosticSummary(diagnostics).join(', ')}]`,
    );
  }
  return found[0]!;
}
