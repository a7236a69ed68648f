/** The command line's options (SPEC §5), read from `argv`. */
import { parseArgs } from 'node:util';
import type { ParseArgsConfig } from 'node:util';

export const FORMATS = ['stylish', 'json', 'sarif', 'github'] as const;

export type Format = (typeof FORMATS)[number];

/** What linting and `report` share: which files to read, with what configuration, and where to. */
export interface Selection {
  /** A configuration file to use instead of the nearest one. */
  config: string | null;
  /** Take every Markdown file found in folders and globs, not only post-mortems. */
  all: boolean;
  /** Read `.gitignore` and `.postmortemignore` (`--no-ignore` turns it off). */
  ignore: boolean;
  /** The path standard input (`-`) stands for: its configuration, how it is shown. */
  stdinFilename: string | null;
  /** Write the output to this file instead of standard output. */
  outputFile: string | null;
  /** Threads to analyse files in (this one and workers); null: one per core when there are many files. */
  jobs: number | null;
  help: boolean;
  /** Files, folders and globs to read. */
  targets: string[];
}

export interface Options extends Selection {
  format: Format;
  fix: boolean;
  /** Warnings above which the run fails; null: any warning fails it. */
  maxWarnings: number | null;
  /** Report errors only. */
  quiet: boolean;
  version: boolean;
}

/** The usage text of `--help`. */
export const USAGE = `Usage: postmortem-lint [options] <file | directory | glob | !glob | ->...

Checks incident post-mortems: missing or out-of-order sections, timeline order and times,
root-cause evidence, placeholders, and stated metrics against the timeline.

Folders are searched for *.md and *.markdown files (and the \`extensions\` of the
configuration; not in node_modules or dot folders), globs match what they say; of those,
only post-mortems are checked, as the editor decides: files matching the \`files\` globs
(postmortems/, post-mortems/, incidents/, *postmortem*.md by default), with \`type:
postmortem\` in their front matter, or with a timeline among three report sections.
.gitignore and .postmortemignore are respected. A file named explicitly is always checked,
whatever its extension. Quote globs: 'docs/**/*.md' '!docs/drafts/**'.

\`postmortem-lint report <paths>...\` summarises many reports instead: counts, median and
90th percentile of each metric by month and severity, follow-ups by owner (\`report --help\`).

Options:
  -f, --format <name>        Output: stylish (default, for people), json, sarif or github
                             (workflow commands that annotate a GitHub Actions run)
  -c, --config <file>        Configuration file to use instead of the nearest .postmortemrc.json
      --fix                  Apply the safe fixes (missing sections, timeline order) in place
      --all                  Check every Markdown file found, not only post-mortems
      --no-ignore            Do not read .gitignore and .postmortemignore files
      --stdin-filename <f>   The file that standard input (-) stands for
      --max-warnings <n>     Fail only when there are more than n warnings
      --quiet                Report errors only
  -o, --output-file <file>   Write the report to a file instead of standard output
  -j, --jobs <n>             Analyse in n threads, this one and n - 1 workers (default: one
                             per core for many files)
  -h, --help                 Show this help
  -v, --version              Show the version

Colour: on a colour terminal; NO_COLOR turns it off, FORCE_COLOR on (FORCE_COLOR=0 off).

Exit status: 0 when no finding is a warning or an error (or the warnings are within
--max-warnings), 1 when one is, 2 for usage errors, files that cannot be read or written,
configuration problems and internal errors (the other files are still reported).`;

/** The options that say which files to read, and how: linting and `report` share them. */
export const SELECTION_OPTIONS = {
  config: { type: 'string', short: 'c' },
  all: { type: 'boolean', default: false },
  'no-ignore': { type: 'boolean', default: false },
  'stdin-filename': { type: 'string' },
  'output-file': { type: 'string', short: 'o' },
  jobs: { type: 'string', short: 'j' },
  help: { type: 'boolean', short: 'h', default: false },
} as const;

/** The values `parseArgs` reads for `SELECTION_OPTIONS`. */
interface SelectionValues {
  config?: string;
  all: boolean;
  'no-ignore': boolean;
  'stdin-filename'?: string;
  'output-file'?: string;
  jobs?: string;
  help: boolean;
}

/** The shared options of parsed values, or what is wrong with them. */
export function readSelection(
  values: SelectionValues,
  targets: string[],
): Selection | { error: string } {
  const stdin = targets.filter((target) => target === '-').length;
  if (stdin > 1) return { error: 'Standard input (`-`) can be named once' };
  if (values['stdin-filename'] !== undefined && stdin === 0) {
    return { error: '`--stdin-filename` names standard input, which is read with `-`' };
  }
  const jobs = values.jobs === undefined ? null : Number(values.jobs);
  if (jobs !== null && !(Number.isInteger(jobs) && jobs >= 1 && jobs <= 64)) {
    return {
      error: `Invalid \`--jobs\` value \`${values.jobs}\`; expected a whole number from 1 to 64`,
    };
  }
  return {
    config: values.config ?? null,
    all: values.all,
    ignore: !values['no-ignore'],
    stdinFilename: values['stdin-filename'] ?? null,
    outputFile: values['output-file'] ?? null,
    jobs,
    help: values.help,
    targets,
  };
}

/** `argv` read strictly against `options` (targets allowed), or what is wrong with it. */
export function parseCommandLine<const T extends NonNullable<ParseArgsConfig['options']>>(
  argv: readonly string[],
  options: T,
) {
  try {
    return parseArgs({ args: [...argv], allowPositionals: true, strict: true, options });
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) };
  }
}

/** The options, or a message saying what is wrong with the command line. */
export function readOptions(argv: readonly string[]): Options | { error: string } {
  const parsed = parseCommandLine(argv, {
    ...SELECTION_OPTIONS,
    format: { type: 'string', short: 'f', default: 'stylish' },
    fix: { type: 'boolean', default: false },
    'max-warnings': { type: 'string' },
    quiet: { type: 'boolean', default: false },
    version: { type: 'boolean', short: 'v', default: false },
  });
  if ('error' in parsed) return parsed;
  const { values, positionals } = parsed;
  if (!(FORMATS as readonly string[]).includes(values.format)) {
    return {
      error: `Unknown format \`${values.format}\`; expected \`stylish\`, \`json\`, \`sarif\` or \`github\``,
    };
  }
  const maxWarnings = values['max-warnings'] === undefined ? null : Number(values['max-warnings']);
  if (maxWarnings !== null && !(Number.isInteger(maxWarnings) && maxWarnings >= 0)) {
    return {
      error: `Invalid \`--max-warnings\` value \`${values['max-warnings']}\`; expected a whole number from 0`,
    };
  }
  const selection = readSelection(values, positionals);
  if ('error' in selection) return selection;
  if (positionals.includes('-') && values.fix) {
    return { error: '`--fix` cannot write standard input; name the file instead' };
  }
  if (positionals.length === 0 && !values.help && !values.version) {
    return { error: 'No files given; expected at least one file, directory or glob' };
  }
  return {
    ...selection,
    format: values.format as Format,
    fix: values.fix,
    maxWarnings,
    quiet: values.quiet,
    version: values.version,
  };
}
