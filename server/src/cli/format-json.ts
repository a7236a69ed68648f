/** `--format json`: the object of SPEC §5, for scripts. */
import { METRIC_NAMES } from '../engine';
import type { FileResult } from './result';

/**
 * One JSON object: each file's path, diagnostics, metrics (null without a timeline), and what
 * was read: its sections, timeline entries, front matter fields and follow-ups.
 */
export function formatJson(results: readonly FileResult[]): string {
  const files = results.map(({ path, findings, metrics, read }) => ({
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
    sections: read.sections,
    timeline: read.timeline,
    metadata: read.metadata,
    followUps: read.followUps,
  }));
  return `${JSON.stringify({ files }, null, 2)}\n`;
}
