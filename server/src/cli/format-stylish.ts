/** `--format stylish` (the default): findings and metrics for people, like ESLint's stylish. */
import type { Finding, Readout } from '../engine';
import { metricsLine, plural, problemCount } from '../engine';
import type { FileResult } from './result';
import { escapeControls } from './terminal-text';

/** ANSI styles, or none when the output is not a colour terminal. */
interface Styles {
  path(text: string): string;
  severity(severity: Finding['severity'], text: string): string;
  dim(text: string): string;
  summary(kind: 'error' | 'warning' | 'info' | 'clean', text: string): string;
}

function styles(color: boolean): Styles {
  const paint = (code: string, text: string) => (color ? `\u001b[${code}m${text}\u001b[0m` : text);
  const severityCodes = { error: '31', warning: '33', info: '36' };
  const summaryCodes = { error: '1;31', warning: '1;33', info: '1;36', clean: '1;32' };
  return {
    path: (text) => paint('4', text),
    severity: (severity, text) => paint(severityCodes[severity], text),
    dim: (text) => paint('2', text),
    summary: (kind, text) => paint(summaryCodes[kind], text),
  };
}

/** `TTD 0m* · TTA — · … (TTA: no entry marks acknowledged; * guessed from keywords)`, or `no timeline`. */
export function formatMetrics(read: Readout): string {
  return read.timeline ? metricsLine(read.timeline.metricNotes) : 'no timeline';
}

/**
 * Each file's path, its findings as `line:column  severity  message  rule` rows and its
 * metrics, then a summary line; nothing when no file was linted. Paths and messages (which
 * quote the report) have their control characters escaped.
 */
export function formatStylish(results: readonly FileResult[], color: boolean): string {
  if (results.length === 0) return '';
  const style = styles(color);
  const out: string[] = [];
  for (const result of results) {
    out.push(style.path(escapeControls(result.path)));
    const rows = result.findings.map((finding) => ({
      finding,
      message: escapeControls(finding.message),
      position: `${finding.span.start.line}:${finding.span.start.column}`,
    }));
    const notices = (result.notices ?? []).map((notice) => ({
      message: escapeControls(notice.message),
      position: `${notice.span.start.line}:${notice.span.start.column}`,
    }));
    const positions = [...rows, ...notices].map((row) => row.position.length);
    const positionWidth = Math.max(0, ...positions);
    const severityWidth = Math.max(0, ...rows.map((row) => row.finding.severity.length));
    const messageWidth = Math.max(0, ...rows.map((row) => row.message.length));
    for (const { message, position } of notices) {
      out.push(
        `  ${style.dim(position.padEnd(positionWidth))}  ${style.dim('note'.padEnd(severityWidth))}  ${message}`,
      );
    }
    for (const { finding, message, position } of rows) {
      out.push(
        [
          `  ${style.dim(position.padEnd(positionWidth))}`,
          style.severity(finding.severity, finding.severity.padEnd(severityWidth)),
          message.padEnd(messageWidth),
          style.dim(finding.ruleId),
        ].join('  '),
      );
    }
    if (rows.length === 0) out.push(`  ${style.summary('clean', 'no problems')}`);
    out.push(`  ${style.dim(escapeControls(formatMetrics(result.read)))}`, '');
  }
  const count = (severity: Finding['severity']) =>
    results.reduce(
      (sum, result) => sum + result.findings.filter((f) => f.severity === severity).length,
      0,
    );
  const [errors, warnings, infos] = [count('error'), count('warning'), count('info')];
  const total = errors + warnings + infos;
  const withFindings = results.filter((result) => result.findings.length > 0).length;
  const files = plural(results.length, 'file');
  if (total === 0) {
    out.push(style.summary('clean', `✔ No problems in ${files}`));
  } else {
    out.push(
      style.summary(
        errors > 0 ? 'error' : warnings > 0 ? 'warning' : 'info',
        `✖ ${problemCount({ error: errors, warning: warnings, info: infos })} in ${withFindings} of ${files}`,
      ),
    );
  }
  return `${out.join('\n')}\n`;
}
