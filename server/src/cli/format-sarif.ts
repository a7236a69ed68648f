/** `--format sarif`: SARIF 2.1.0, for code scanning services. */
import { isAbsolute, relative, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Severity } from '../engine';
import { RULES, ruleUrl } from '../engine';
import type { FileResult } from './result';

const LEVELS: Record<Severity, 'none' | 'note' | 'warning' | 'error'> = {
  off: 'none',
  info: 'note',
  warning: 'warning',
  error: 'error',
};

/** Where a file is: relative to `cwd` (under `%SRCROOT%`) when inside it, else a file URI. */
function artifactLocation(absolutePath: string, cwd: string) {
  const path = relative(cwd, absolutePath);
  if (path === '' || path === '..' || path.startsWith(`..${sep}`) || isAbsolute(path)) {
    return { uri: pathToFileURL(absolutePath).href };
  }
  return {
    uri: path.split(sep).map(encodeURIComponent).join('/'),
    uriBaseId: '%SRCROOT%',
  };
}

/** A SARIF log with one run: the rules of the registry and one result per finding. */
export function formatSarif(
  results: readonly FileResult[],
  options: { cwd: string; version: string },
): string {
  const ruleIndex = new Map(RULES.map((rule, index) => [rule.id, index]));
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'postmortem-lint',
            version: options.version,
            rules: RULES.map((rule) => ({
              id: rule.id,
              shortDescription: { text: rule.description },
              helpUri: ruleUrl(rule.id),
              defaultConfiguration:
                rule.defaultSeverity === 'off'
                  ? { enabled: false, level: 'none' }
                  : { level: LEVELS[rule.defaultSeverity] },
            })),
          },
        },
        originalUriBaseIds: {
          '%SRCROOT%': {
            uri: pathToFileURL(options.cwd.endsWith(sep) ? options.cwd : options.cwd + sep).href,
          },
        },
        // Columns count UTF-16 code units, as the engine's do.
        columnKind: 'utf16CodeUnits',
        results: results.flatMap((result) =>
          result.findings.map((finding) => ({
            ruleId: finding.ruleId,
            ruleIndex: ruleIndex.get(finding.ruleId),
            level: LEVELS[finding.severity],
            message: { text: finding.message },
            locations: [
              {
                physicalLocation: {
                  artifactLocation: artifactLocation(result.absolutePath, options.cwd),
                  region: {
                    startLine: finding.span.start.line,
                    startColumn: finding.span.start.column,
                    endLine: finding.span.end.line,
                    endColumn: finding.span.end.column,
                  },
                },
              },
            ],
          })),
        ),
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}
