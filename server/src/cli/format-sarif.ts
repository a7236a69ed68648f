/**
 * `--format sarif`: SARIF 2.1.0 that code scanning accepts (GitHub's rules: every rule with
 * a full description and help, the tool with its address), with what kept the run from
 * checking everything (configuration and read problems) in its invocation.
 */
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import type {
  ArtifactLocation,
  Log,
  Notification,
  ReportingConfiguration,
  ReportingDescriptor,
  Result,
} from 'sarif';
import { homepage } from '../../../package.json';
import type { Severity } from '../engine';
import { RULES, ruleUrl } from '../engine';
import type { FileResult, RunProblem } from './result';
import { ruleDoc } from './rule-docs';

const LEVELS: Record<Severity, ReportingConfiguration.level> = {
  off: 'none',
  info: 'note',
  warning: 'warning',
  error: 'error',
};

/** Where a file is: relative to `cwd` (under `%SRCROOT%`) when inside it, else a file URI. */
function artifactLocation(absolutePath: string, cwd: string): ArtifactLocation {
  const path = relative(cwd, absolutePath);
  if (path === '' || path === '..' || path.startsWith(`..${sep}`) || isAbsolute(path)) {
    return { uri: pathToFileURL(absolutePath).href };
  }
  return {
    uri: path.split(sep).map(encodeURIComponent).join('/'),
    uriBaseId: '%SRCROOT%',
  };
}

/** Each rule with its page: description, help as text and Markdown, address. */
function ruleDescriptors(): ReportingDescriptor[] {
  return RULES.map((rule) => {
    const doc = ruleDoc(rule.id);
    const url = ruleUrl(rule.id);
    return {
      id: rule.id,
      shortDescription: { text: rule.description },
      fullDescription: { text: doc?.description ?? rule.description },
      help: {
        text: `${doc?.description ?? rule.description} See ${url}`,
        markdown: doc?.markdown ?? `${rule.description}\n\n[Documentation](${url})`,
      },
      helpUri: url,
      defaultConfiguration:
        rule.defaultSeverity === 'off'
          ? { enabled: false, level: 'none' }
          : { level: LEVELS[rule.defaultSeverity] },
    };
  });
}

/** A run problem as a notification, at its file (and place) when it has one. */
function notification(problem: RunProblem, cwd: string): Notification {
  const { location } = problem;
  return {
    level: 'error',
    message: { text: problem.message },
    ...(location
      ? {
          locations: [
            {
              physicalLocation: {
                artifactLocation: artifactLocation(resolve(cwd, location.path), cwd),
                ...(location.line !== undefined
                  ? {
                      region: {
                        startLine: location.line,
                        startColumn: location.column,
                        endLine: location.endLine,
                        endColumn: location.endColumn,
                      },
                    }
                  : {}),
              },
            },
          ],
        }
      : {}),
  };
}

/** A SARIF log with one run: the rules of the registry, one result per finding. */
export function formatSarif(
  results: readonly FileResult[],
  options: { cwd: string; version: string; problems: readonly RunProblem[] },
): string {
  const ruleIndex = new Map(RULES.map((rule, index) => [rule.id, index]));
  const findings: Result[] = results.flatMap((result) =>
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
  );
  const problems = (kind: RunProblem['kind']) =>
    options.problems
      .filter((problem) => problem.kind === kind)
      .map((problem) => notification(problem, options.cwd));
  const log: Log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'postmortem-lint',
            version: options.version,
            informationUri: homepage,
            rules: ruleDescriptors(),
          },
        },
        invocations: [
          {
            executionSuccessful: options.problems.length === 0,
            toolConfigurationNotifications: problems('configuration'),
            toolExecutionNotifications: problems('execution'),
          },
        ],
        originalUriBaseIds: {
          '%SRCROOT%': {
            uri: pathToFileURL(options.cwd.endsWith(sep) ? options.cwd : options.cwd + sep).href,
          },
        },
        // Columns count UTF-16 code units, as the engine's do.
        columnKind: 'utf16CodeUnits',
        results: findings,
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}
