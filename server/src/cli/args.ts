/** The command line's options (SPEC §5), read from `argv`. */
import { parseArgs } from 'node:util';

export const FORMATS = ['stylish', 'json', 'sarif'] as const;

export type Format = (typeof FORMATS)[number];

export interface Options {
  format: Format;
  /** A configuration file to use instead of the nearest one. */
  config: string | null;
  fix: boolean;
  /** Worker threads to analyse files with; null: one per core when there are many files. */
  jobs: number | null;
  help: boolean;
  version: boolean;
  /** Files, folders and globs to lint. */
  targets: string[];
}

/** The usage text of `--help`. */
export const USAGE = `Usage: postmortem-lint [options] <file | directory | glob>...

Checks incident post-mortems: missing or out-of-order sections, timeline order and times,
root-cause evidence, placeholders, and stated metrics against the timeline.

Folders are searched for *.md files (not in node_modules or dot folders); files named
explicitly are checked whatever their extension. Quote globs: 'docs/**/*.md'.

Options:
  -f, --format <name>   Output: stylish (default, for people), json or sarif
  -c, --config <file>   Configuration file to use instead of the nearest .postmortemrc.json
      --fix             Apply the safe fixes (missing sections, timeline order) in place
  -j, --jobs <n>        Analyse in n worker threads (default: one per core for many files)
  -h, --help            Show this help
  -v, --version         Show the version

Exit status: 0 when no finding is a warning or an error, 1 when one is, 2 for usage errors,
files that cannot be read or written, and configuration problems.`;

/** The options, or a message saying what is wrong with the command line. */
export function readOptions(argv: readonly string[]): Options | { error: string } {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        format: { type: 'string', short: 'f', default: 'stylish' },
        config: { type: 'string', short: 'c' },
        fix: { type: 'boolean', default: false },
        jobs: { type: 'string', short: 'j' },
        help: { type: 'boolean', short: 'h', default: false },
        version: { type: 'boolean', short: 'v', default: false },
      },
    });
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) };
  }
  const { values, positionals } = parsed;
  if (!(FORMATS as readonly string[]).includes(values.format)) {
    return {
      error: `Unknown format \`${values.format}\`; expected \`stylish\`, \`json\` or \`sarif\``,
    };
  }
  const jobs = values.jobs === undefined ? null : Number(values.jobs);
  if (jobs !== null && !(Number.isInteger(jobs) && jobs >= 1 && jobs <= 64)) {
    return {
      error: `Invalid \`--jobs\` value \`${values.jobs}\`; expected a whole number from 1 to 64`,
    };
  }
  if (positionals.length === 0 && !values.help && !values.version) {
    return { error: 'No files given; expected at least one file, directory or glob' };
  }
  return {
    format: values.format as Format,
    config: values.config ?? null,
    fix: values.fix,
    jobs,
    help: values.help,
    version: values.version,
    targets: positionals,
  };
}
