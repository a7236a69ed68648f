/** `postmortem-lint report`'s options, read from the arguments after `report`. */
import { parseCommandLine, readSelection, SELECTION_OPTIONS } from '../args';
import type { Selection } from '../args';

export const REPORT_FORMATS = ['markdown', 'json', 'csv', 'html'] as const;

export type ReportFormat = (typeof REPORT_FORMATS)[number];

export interface ReportOptions extends Selection {
  format: ReportFormat;
}

/** The usage text of `postmortem-lint report --help`. */
export const REPORT_USAGE = `Usage: postmortem-lint report [options] <file | directory | glob | !glob | ->...

Summarises many post-mortems: per month and per severity, how many reports and the median
and 90th percentile of TTD, TTA, TTM and TTR; the open and overdue follow-ups by owner.
Files are found as postmortem-lint finds them (folders, globs, ignore files, \`--all\`).

A report's month is that of its front matter's \`date\`, else of its first dated timeline
entry. Every report counts in the total; a report without a month, or without a severity,
counts in a last group of its own ("No date", "No severity"; \`null\` in JSON, an empty
group in CSV), and follow-ups without an owner under "No owner". Months are in order;
severities in the order of the configured scale, then others by name. Medians and
percentiles are over the reports where the metric is known (\`n\` of them): the median of
an even count is the mean of the two middle values; the 90th percentile is the nearest-rank
one, always one of the values. Follow-ups count when open; overdue when due before today.

Options:
  -f, --format <name>        markdown (default, tables for a pull request), json (SPEC §5),
                             csv (one row per month, severity and owner; minutes) or html
                             (one self-contained page with charts)
  -c, --config <file>        Configuration file to use instead of the nearest .postmortemrc.json
      --all                  Report on every Markdown file found, not only post-mortems
      --no-ignore            Do not read .gitignore and .postmortemignore files
      --stdin-filename <f>   The file that standard input (-) stands for
  -o, --output-file <file>   Write the report to a file instead of standard output
  -j, --jobs <n>             Analyse in n threads, this one and n - 1 workers (default: one
                             per core for many files)
  -h, --help                 Show this help

Exit status: 0 when the report is written (findings do not change it), 2 for usage errors,
files that cannot be read, configuration problems and internal errors (the report of the
other files is still written).`;

/** The options, or a message saying what is wrong with the command line. */
export function readReportOptions(argv: readonly string[]): ReportOptions | { error: string } {
  const parsed = parseCommandLine(argv, {
    ...SELECTION_OPTIONS,
    format: { type: 'string', short: 'f', default: 'markdown' },
  });
  if ('error' in parsed) return parsed;
  const { values, positionals } = parsed;
  if (!(REPORT_FORMATS as readonly string[]).includes(values.format)) {
    return {
      error: `Unknown report format \`${values.format}\`; expected \`markdown\`, \`json\`, \`csv\` or \`html\``,
    };
  }
  const selection = readSelection(values, positionals);
  if ('error' in selection) return selection;
  if (positionals.length === 0 && !values.help) {
    return { error: 'No files given; expected at least one file, directory or glob to report on' };
  }
  return { ...selection, format: values.format as ReportFormat };
}
