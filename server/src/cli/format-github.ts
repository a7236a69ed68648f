/**
 * `--format github`: workflow commands that GitHub Actions turns into annotations on the run
 * and on the pull request's files:
 * `::warning file=F,line=L,col=C,endLine=L2,endColumn=C2,title=RULE::MESSAGE`.
 */
import { relative, sep } from 'node:path';
import type { Finding, Span } from '../engine';
import type { FileResult } from './result';

const COMMANDS: Record<Finding['severity'], string> = {
  error: 'error',
  warning: 'warning',
  info: 'notice',
};

/** A command's message: `%`, CR and LF escaped, as the runner reads them. */
function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** A property value: the message's escapes, and `:` and `,`, which end a property. */
function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

function command(name: string, file: string, span: Span, title: string, message: string): string {
  const properties = [
    `file=${escapeProperty(file)}`,
    `line=${span.start.line}`,
    `col=${span.start.column}`,
    `endLine=${span.end.line}`,
    `endColumn=${span.end.column}`,
    `title=${escapeProperty(title)}`,
  ];
  return `::${name} ${properties.join(',')}::${escapeData(message)}`;
}

/** One command per finding and per notice; paths relative to `cwd`, with `/`. */
export function formatGithub(results: readonly FileResult[], cwd: string): string {
  const lines = results.flatMap((result) => {
    const file = relative(cwd, result.absolutePath).split(sep).join('/') || result.path;
    return [
      ...(result.notices ?? []).map((notice) =>
        command('notice', file, notice.span, 'postmortem-lint', notice.message),
      ),
      ...result.findings.map((finding) =>
        command(COMMANDS[finding.severity], file, finding.span, finding.ruleId, finding.message),
      ),
    ];
  });
  return lines.length > 0 ? `${lines.join('\n')}\n` : '';
}
