/** The `postmortem-lint` command: lint the files named, print them in a format, exit status. */
import { writeFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { version } from '../../../package.json';
import { describeFsError, findConfigFile, loadConfigFile } from '../node/config-files';
import type { ConfigProblem, FileGlobs, InvalidUtf8, Notice, ResolvedConfig } from '../engine';
import {
  DEFAULT_POSTMORTEM_FILES,
  defaultConfig,
  describeInvalidUtf8,
  fixAll,
  isBinaryText,
  readout,
  stripBom,
} from '../engine';
import { readOptions, USAGE } from './args';
import type { Selection } from './args';
import { discoverFiles } from '../node/discover';
import type { DiscoveredFile } from '../node/discover';
import { useColor } from './color';
import { formatGithub } from './format-github';
import { formatJson } from './format-json';
import { formatSarif } from './format-sarif';
import { formatStylish } from './format-stylish';
import type { AnalysisOutcome, AnalysisSummary, AnalysisTask } from './pool';
import { analyzeInPool, outcomeOf, summarize, workerCount } from './pool';
import { readReport, replaceReport } from './report-file';
import type { FileSnapshot, ReportFile } from './report-file';
import type { FileResult, RunProblem } from './result';
import { escapeControls } from './terminal-text';

/** Where the command writes, and what it knows of its surroundings. */
export interface CliContext {
  cwd: string;
  env: Record<string, string | undefined>;
  stdout: { write(text: string): unknown; isTTY?: boolean; hasColors?(): boolean };
  stderr: { write(text: string): unknown };
  /** Reads standard input to its end (for the target `-`). */
  readStdin(): Promise<string>;
  /** The script worker threads start from: the CLI's own file, which serves analyses there. */
  workerScript: string;
  /** The analysis of one file in this thread: the engine's, unless a test stands in for it. */
  analyze?: (task: AnalysisTask) => AnalysisSummary;
}

/** Exit statuses of SPEC §5. */
export const EXIT = { clean: 0, findings: 1, error: 2 } as const;

/** What stands for standard input among the targets. */
const STDIN = '-';

/** What to lint: a file found, or standard input (which has no snapshot: it is not written). */
interface Source extends DiscoveredFile {
  read(): Promise<Pick<ReportFile, 'raw' | 'invalid'> & { snapshot: FileSnapshot | null }>;
}

/** A file read and configured, waiting for its analysis. */
interface Pending {
  result: FileResult;
  task: AnalysisTask;
  /**
   * Where to write fixes, with its byte order mark and what it was when read; null for
   * standard input and for a file that `--fix` must not write (not UTF-8).
   */
  write: { file: string; bom: string; snapshot: FileSnapshot } | null;
  /** Notices of the reading itself, before the analysis's own. */
  notices: Notice[];
}

/** The first byte that is not UTF-8, placed in the text without its byte order mark. */
function withoutBom(invalid: InvalidUtf8, bomLength: number): InvalidUtf8 {
  return {
    ...invalid,
    column: invalid.line === 1 ? invalid.column - bomLength : invalid.column,
    offset: invalid.offset - bomLength,
  };
}

/** The notice of a report read with bytes that are not UTF-8 (linted, never written). */
function invalidUtf8Notice(invalid: InvalidUtf8): Notice {
  const start = { line: invalid.line, column: invalid.column, offset: invalid.offset };
  return {
    message: `Not UTF-8 (byte ${describeInvalidUtf8(invalid)}): bytes that are not UTF-8 are read as U+FFFD, and \`--fix\` leaves the file as it is`,
    span: { start, end: start },
  };
}

/** What `lintFiles` reads of the options: which files, with what configuration, and how. */
export type FileSelection = Selection & {
  fix: boolean;
  /** Summarise each report too (`postmortem-lint report`). */
  summarize?: boolean;
};

/**
 * Lints the files of `options`. Read and write errors, configuration problems (once each, at
 * their place) and internal errors of one file go to `fail`; the other files are still linted.
 */
export async function lintFiles(
  options: FileSelection,
  context: CliContext,
  fail: (problem: RunProblem) => void,
): Promise<FileResult[]> {
  const printedProblems = new Set<string>();
  const printProblems = (problems: ConfigProblem[]) => {
    for (const problem of problems) {
      const key = `${problem.file}:${problem.line}:${problem.column}: ${problem.message}`;
      if (printedProblems.has(key)) continue;
      printedProblems.add(key);
      const { line, column, endLine, endColumn } = problem;
      fail({
        kind: 'configuration',
        message: problem.message,
        location: {
          path: relative(context.cwd, problem.file) || problem.file,
          line,
          column,
          endLine,
          endColumn,
        },
      });
    }
  };
  const explicitFile = options.config ? resolve(context.cwd, options.config) : null;
  const explicit: ResolvedConfig | null = options.config ? loadConfigFile(options.config) : null;
  if (explicit) printProblems(explicit.problems);
  // Files of one folder tree share their configuration file: read and resolve it once.
  const loaded = new Map<string, ResolvedConfig>();
  /** The configuration of a folder's files, and the folder its `files` globs are relative to. */
  const configFor = (folder: string): { resolved: ResolvedConfig; folder: string | null } => {
    if (explicit) return { resolved: explicit, folder: dirname(explicitFile!) };
    const file = findConfigFile(folder);
    if (!file)
      return { resolved: { config: defaultConfig(), problems: [], files: [] }, folder: null };
    const resolved = loaded.get(file) ?? loadConfigFile(file);
    loaded.set(file, resolved);
    return { resolved, folder: dirname(file) };
  };

  const extensions = new Map<string, readonly string[]>();
  const discovery = discoverFiles(
    options.targets.filter((target) => target !== STDIN),
    context.cwd,
    {
      useIgnoreFiles: options.ignore,
      extensionsFor: (folder) => {
        let found = extensions.get(folder);
        if (!found) extensions.set(folder, (found = configFor(folder).resolved.config.extensions));
        return found;
      },
    },
  );
  discovery.errors.forEach((message) => fail({ kind: 'execution', message }));
  if (discovery.skippedLinks.length > 0)
    context.stderr.write(`${skippedLinksLine(discovery.skippedLinks)}\n`);
  const sources: Source[] = discovery.files.map((file) => ({
    ...file,
    read: () => Promise.resolve(readReport(file.absolutePath)),
  }));
  if (options.targets.includes(STDIN)) {
    const path = options.stdinFilename ?? '<stdin>';
    sources.push({
      path,
      absolutePath: resolve(context.cwd, path),
      explicit: true,
      read: async () => ({ raw: await context.readStdin(), invalid: null, snapshot: null }),
    });
  }

  const pending: Pending[] = [];
  for (const source of sources) {
    let read: Awaited<ReturnType<Source['read']>>;
    try {
      read = await source.read();
    } catch (error) {
      fail({
        kind: 'execution',
        message: `Cannot read \`${source.path}\`: ${describeFsError(error)}`,
        location: { path: source.path },
      });
      continue;
    }
    const { raw, invalid, snapshot } = read;
    if (isBinaryText(raw)) {
      fail({
        kind: 'execution',
        message: `Cannot read \`${source.path}\` as text: it holds NUL characters (a binary file, or text saved as UTF-16)`,
        location: { path: source.path },
      });
      continue;
    }
    const { resolved, folder } = configFor(dirname(source.absolutePath));
    printProblems(resolved.problems);
    const { text, bomLength } = stripBom(raw);
    // In folder and glob mode only post-mortems are linted, as the editor decides.
    const fileGlobs: FileGlobs[] = [
      { globs: DEFAULT_POSTMORTEM_FILES, folders: [context.cwd] },
      { globs: resolved.config.files, folders: folder ? [folder] : [] },
    ];
    const applicability =
      source.explicit || options.all ? null : { path: source.absolutePath, fileGlobs };
    const notices: Notice[] = [];
    const firstInvalid = invalid && withoutBom(invalid, bomLength);
    if (firstInvalid && options.fix) {
      // Writing the text back would turn every such byte into U+FFFD: the file is linted only.
      fail({
        kind: 'execution',
        message: `Cannot fix \`${source.path}\`: it is not UTF-8 (byte ${describeInvalidUtf8(firstInvalid)}), and \`--fix\` never re-encodes a file`,
        location: { path: source.path },
      });
    } else if (firstInvalid) {
      notices.push(invalidUtf8Notice(firstInvalid));
    }
    pending.push({
      result: {
        path: source.path,
        absolutePath: source.absolutePath,
        findings: [],
        metrics: null,
        read: { sections: [], timeline: null, metadata: {}, followUps: [] },
      },
      task: { text, config: resolved.config, applicability, summarize: options.summarize },
      write:
        snapshot && !invalid
          ? { file: source.absolutePath, bom: raw.slice(0, bomLength), snapshot }
          : null,
      notices,
    });
  }

  const analyze = context.analyze ?? summarize;
  let outcomes: AnalysisOutcome[];
  if (options.fix) {
    outcomes = pending.map((item) =>
      item.write ? fixOne(item, item.write, analyze, fail) : outcomeOf(item.task, analyze),
    );
  } else {
    const tasks = pending.map(({ task }) => task);
    const workers = context.analyze ? 0 : workerCount(tasks.length, options.jobs);
    outcomes =
      workers > 0
        ? await analyzeInPool(tasks, { workers, script: context.workerScript })
        : tasks.map((task) => outcomeOf(task, analyze));
  }
  return pending.flatMap(({ result, notices }, index) => {
    const outcome = outcomes[index]!;
    if ('error' in outcome) {
      fail({
        kind: 'execution',
        message: `Internal error in \`${result.path}\`: ${outcome.error}`,
        location: { path: result.path },
      });
      return [];
    }
    const { postmortem, ...summary } = outcome;
    if (!postmortem) return [];
    return [Object.assign(result, summary, { notices: [...notices, ...(summary.notices ?? [])] })];
  });
}

/**
 * `--fix` for one file: a post-mortem (or a file linted whatever it holds) gets the safe
 * fixes written in place; what is left is its outcome.
 */
function fixOne(
  { result, task }: Pending,
  write: NonNullable<Pending['write']>,
  analyze: (task: AnalysisTask) => AnalysisSummary,
  fail: (problem: RunProblem) => void,
): AnalysisOutcome {
  if (task.applicability !== null) {
    // Only a post-mortem is changed: a README found in a folder is left as it is.
    const check = outcomeOf(task, analyze);
    if ('error' in check || !check.postmortem) return check;
  }
  let fixed;
  try {
    fixed = fixAll(task.text, task.config);
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) };
  }
  const left: AnalysisSummary = {
    findings: fixed.analysis.findings,
    metrics: fixed.analysis.model.metrics,
    notices: fixed.analysis.notices,
    read: readout(fixed.analysis.model),
    postmortem: true,
  };
  if (fixed.text === task.text) return left;
  let refused: string | null;
  try {
    refused = replaceReport(write.file, write.snapshot, Buffer.from(write.bom + fixed.text));
  } catch (error) {
    refused = `cannot write it: ${describeFsError(error)}`;
  }
  if (refused === null) return left;
  fail({
    kind: 'execution',
    message: `Cannot fix \`${result.path}\`: ${refused}`,
    location: { path: result.path },
  });
  return outcomeOf(task, analyze);
}

/** How many links to show by name in the line that says they were skipped. */
const LINKS_NAMED = 10;

/** The one line saying which symbolic links folders and globs did not follow. */
function skippedLinksLine(links: readonly string[]): string {
  const named = links.slice(0, LINKS_NAMED).map((link) => `\`${link}\``);
  if (links.length > LINKS_NAMED) named.push(`${links.length - LINKS_NAMED} more`);
  const count = links.length === 1 ? 'a symbolic link' : `${links.length} symbolic links`;
  return escapeControls(
    `postmortem-lint: Skipped ${count}, which folders and globs do not follow (name a file to check it): ${named.join(', ')}`,
  );
}

/**
 * A problem as a line of standard error; with a place, as `file:line:column: message`. Its
 * control characters are escaped (file names and messages may come from anywhere).
 */
function problemLine({ message, location }: RunProblem): string {
  if (location?.line !== undefined) {
    return escapeControls(`${location.path}:${location.line}:${location.column}: ${message}`);
  }
  return escapeControls(`postmortem-lint: ${message}`);
}

/**
 * Whatever the format, people (and editors following `file:line:column`) learn what was not
 * checked, on standard error; the exit status stays that of the findings.
 */
export function printNotices(results: readonly FileResult[], context: CliContext): void {
  for (const result of results) {
    for (const notice of result.notices ?? []) {
      const { line, column } = notice.span.start;
      context.stderr.write(
        `${escapeControls(`${result.path}:${line}:${column}: ${notice.message}`)}\n`,
      );
    }
  }
}

/** The output to standard output, or to `outputFile` (`-o`); failing to write it is a problem. */
export function writeOutput(
  output: string,
  outputFile: string | null,
  context: CliContext,
  fail: (problem: RunProblem) => void,
): void {
  if (outputFile === null) {
    context.stdout.write(output);
    return;
  }
  try {
    writeFileSync(resolve(context.cwd, outputFile), output, 'utf8');
  } catch (error) {
    fail({
      kind: 'execution',
      message: `Cannot write \`${outputFile}\`: ${describeFsError(error)}`,
    });
  }
}

/** The problems of a run: each printed on standard error as it comes, and kept for the status. */
export function collectProblems(context: CliContext): {
  problems: RunProblem[];
  fail(problem: RunProblem): void;
} {
  const problems: RunProblem[] = [];
  const fail = (problem: RunProblem) => {
    problems.push(problem);
    context.stderr.write(`${problemLine(problem)}\n`);
  };
  return { problems, fail };
}

/** Runs the command with `argv` (options and targets) and resolves to the exit status. */
export async function runCli(argv: readonly string[], context: CliContext): Promise<number> {
  const options = readOptions(argv);
  if ('error' in options) {
    context.stderr.write(
      `postmortem-lint: ${options.error}\nRun \`postmortem-lint --help\` for usage.\n`,
    );
    return EXIT.error;
  }
  if (options.help) {
    context.stdout.write(`${USAGE}\n`);
    return EXIT.clean;
  }
  if (options.version) {
    context.stdout.write(`${version}\n`);
    return EXIT.clean;
  }

  const { problems, fail } = collectProblems(context);
  const linted = await lintFiles(options, context, fail);
  printNotices(linted, context);
  const count = (severity: string) =>
    linted.reduce(
      (sum, result) => sum + result.findings.filter((f) => f.severity === severity).length,
      0,
    );
  const [errors, warnings] = [count('error'), count('warning')];
  // `--quiet` reports errors alone.
  const results = options.quiet
    ? linted.map((result) => ({
        ...result,
        findings: result.findings.filter((f) => f.severity === 'error'),
      }))
    : linted;

  const color = options.outputFile === null && useColor(context.env, context.stdout);
  let report: string;
  switch (options.format) {
    case 'json':
      report = formatJson(results);
      break;
    case 'sarif':
      report = formatSarif(results, { cwd: context.cwd, version, problems });
      break;
    case 'github':
      report = formatGithub(results, context.cwd);
      break;
    case 'stylish':
      report = formatStylish(results, color);
      break;
  }
  writeOutput(report, options.outputFile, context, fail);
  if (problems.length > 0) return EXIT.error;
  if (errors > 0) return EXIT.findings;
  if (options.maxWarnings !== null) {
    if (warnings <= options.maxWarnings) return EXIT.clean;
    context.stderr.write(
      `postmortem-lint: ${warnings} warnings, more than the ${options.maxWarnings} that \`--max-warnings\` allows\n`,
    );
    return EXIT.findings;
  }
  return warnings > 0 && !options.quiet ? EXIT.findings : EXIT.clean;
}
