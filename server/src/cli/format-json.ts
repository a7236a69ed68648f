/** `--format json`: the object of SPEC §5, for scripts. */
import { METRIC_NAMES } from '../engine/model';
import type { FileResult } from './result';

/** One JSON object: each file's path, diagnostics and metrics (null without a timeline). */
export function formatJson(results: readonly FileResult[]): string {
  const files = results.map(({ path, findings, metrics }) => ({
    path,
    diagnostics: findings.map((finding) => ({
      rule: finding.ruleId,
      severity: finding.severity,
      line: finding.span.start.line,
      column: finding.span.start.column,
      endLine: finding.span.end.line,
      endColumn: finding.span.end.column,
      message: finding.message,
    })),
    // Keys in the order of the contract, whatever order the engine built them in.
    metrics: metrics ? Object.fromEntries(METRIC_NAMES.map((name) => [name, metrics[name]])) : null,
  }));
  return `${JSON.stringify({ files }, null, 2)}\n`;
}
