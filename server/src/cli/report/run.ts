/** `postmortem-lint report`: the reports of the files named, aggregated, in a format. */
import type { ReportSummary } from '../../engine';
import { aggregateReports } from '../../engine';
import type { CliContext } from '../run';
import { collectProblems, EXIT, lintFiles, printNotices, writeOutput } from '../run';
import { readReportOptions, REPORT_USAGE } from './args';
import type { ReportFormat } from './args';
import { formatCsv } from './format-csv';
import { formatHtml } from './format-html';
import { formatReportJson } from './format-json';
import { formatMarkdown } from './format-markdown';

const FORMATTERS: Record<ReportFormat, (aggregate: ReturnType<typeof aggregateReports>) => string> =
  {
    markdown: formatMarkdown,
    json: formatReportJson,
    csv: formatCsv,
    html: formatHtml,
  };

/** Runs `report` with the arguments after it and resolves to the exit status. */
export async function runReport(argv: readonly string[], context: CliContext): Promise<number> {
  const options = readReportOptions(argv);
  if ('error' in options) {
    context.stderr.write(
      `postmortem-lint report: ${options.error}\nRun \`postmortem-lint report --help\` for usage.\n`,
    );
    return EXIT.error;
  }
  if (options.help) {
    context.stdout.write(`${REPORT_USAGE}\n`);
    return EXIT.clean;
  }
  const { problems, fail } = collectProblems(context);
  const results = await lintFiles({ ...options, fix: false, summarize: true }, context, fail);
  printNotices(results, context);
  const summaries = results.flatMap((result): ReportSummary[] =>
    result.reportSummary ? [result.reportSummary] : [],
  );
  if (summaries.length === 0 && problems.length === 0) {
    context.stderr.write(
      `postmortem-lint report: No post-mortem among the files given${options.all ? '' : ' (folders and globs take only post-mortems; `--all` takes every Markdown file)'}\n`,
    );
  }
  writeOutput(
    FORMATTERS[options.format](aggregateReports(summaries)),
    options.outputFile,
    context,
    fail,
  );
  return problems.length > 0 ? EXIT.error : EXIT.clean;
}
