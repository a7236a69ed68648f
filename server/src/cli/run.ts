/** The `postmortem-lint` command: lint the files named, print them in a format, exit status. */
import {
  readFileSync,
  realpathSync,
  renameSync,
  statSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { version } from '../../../package.json';
import { describeFsError, findConfigFile, loadConfigFile } from '../node/config-files';
import type { ConfigProblem, FileGlobs, ResolvedConfig } from '../engine';
import {
  DEFAULT_POSTMORTEM_FILES,
  defaultConfig,
  fixAll,
  isBinaryText,
  readout,
  stripBom,
} from '../engine';
import { readOptions, USAGE } from './args';
import type { Options } from './args';
import { discoverFiles } from './discover';
import type { DiscoveredFile } from './discover';
import { useColor } from './color';
import { formatGithub } from './format-github';
import { formatJson } from './format-json';
import { formatSarif } from './format-sarif';
import { formatStylish } from './format-stylish';
import type { AnalysisOutcome, AnalysisSummary, AnalysisTask } from './pool';
import { analyzeInWorkers, outcomeOf, summarize, workerCount } from './pool';
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
const EXIT = { clean: 0, findings: 1, error: 2 } as const;

/** What stands for standard input among the targets. */
const STDIN = '-';

/**
 * Writes `text` over `file` through a temporary file in the same folder and a rename, so
 * that the file is never half-written. A symbolic link keeps pointing at the fixed file.
 */
function writeAtomically(file: string, text: string): void {
  const target = realpathSync(file);
  const temporary = join(dirname(target), `.${basename(target)}.${process.pid}.tmp`);
  try {
    writeFileSync(temporary, text, { encoding: 'utf8', mode: statSync(target).mode });
    renameSync(temporary, target);
  } catch (error) {
    try {
      unlinkSync(temporary);
    } catch {
      // Nothing to clean up when the temporary file was never written.
    }
    throw error;
  }
}

/** What to lint: a file found, or standard input. */
interface Source extends DiscoveredFile {
  raw(): Promise<string>;
  stdin: boolean;
}

/** A file read and configured, waiting for its analysis. */
interface Pending {
  result: FileResult;
  task: AnalysisTask;
  /** Where to write fixes (null for standard input); with its byte order mark, if any. */
  write: { file: string; bom: string } | null;
}

/**
 * Lints the files of `options`. Read and write errors, configuration problems (once each, at
 * their place) and internal errors of one file go to `fail`; the other files are still linted.
 */
async function lintFiles(
  options: Options,
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
  const sources: Source[] = discovery.files.map((file) => ({
    ...file,
    raw: () => Promise.resolve(readFileSync(file.absolutePath, 'utf8')),
    stdin: false,
  }));
  if (options.targets.includes(STDIN)) {
    const path = options.stdinFilename ?? '<stdin>';
    sources.push({
      path,
      absolutePath: resolve(context.cwd, path),
      explicit: true,
      raw: context.readStdin,
      stdin: true,
    });
  }

  const pending: Pending[] = [];
  for (const source of sources) {
    let raw: string;
    try {
      raw = await source.raw();
    } catch (error) {
      fail({
        kind: 'execution',
        message: `Cannot read \`${source.path}\`: ${describeFsError(error)}`,
        location: { path: source.path },
      });
      continue;
    }
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
    pending.push({
      result: {
        path: source.path,
        absolutePath: source.absolutePath,
        findings: [],
        metrics: null,
        read: { sections: [], timeline: null, metadata: {}, followUps: [] },
      },
      task: { text, config: resolved.config, applicability },
      write: source.stdin ? null : { file: source.absolutePath, bom: raw.slice(0, bomLength) },
    });
  }

  const analyze = context.analyze ?? summarize;
  let outcomes: AnalysisOutcome[];
  if (options.fix) {
    outcomes = pending.map((item) => fixOne(item, analyze, fail));
  } else {
    const tasks = pending.map(({ task }) => task);
    const workers = context.analyze ? 0 : workerCount(tasks.length, options.jobs);
    outcomes =
      workers > 0
        ? await analyzeInWorkers(tasks, workers, context.workerScript)
        : tasks.map((task) => outcomeOf(task, analyze));
  }
  return pending.flatMap(({ result }, index) => {
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
    return postmortem ? [Object.assign(result, summary)] : [];
  });
}

/**
 * `--fix` for one file: a post-mortem (or a file linted whatever it holds) gets the safe
 * fixes written in place; what is left is its outcome.
 */
function fixOne(
  { result, task, write }: Pending,
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
  if (fixed.text === task.text || write === null) return left;
  try {
    writeAtomically(write.file, write.bom + fixed.text);
  } catch (error) {
    fail({
      kind: 'execution',
      message: `Cannot write \`${result.path}\`: ${describeFsError(error)}`,
      location: { path: result.path },
    });
    return outcomeOf(task, analyze);
  }
  return left;
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

  const problems: RunProblem[] = [];
  const fail = (problem: RunProblem) => {
    problems.push(problem);
    context.stderr.write(`${problemLine(problem)}\n`);
  };
  const linted = await lintFiles(options, context, fail);
  // Whatever the format, people (and editors following `file:line:column`) learn what was not
  // checked; the exit status stays that of the findings.
  for (const result of linted) {
    for (const notice of result.notices ?? []) {
      const { line, column } = notice.span.start;
      context.stderr.write(
        `${escapeControls(`${result.path}:${line}:${column}: ${notice.message}`)}\n`,
      );
    }
  }
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
  if (options.outputFile === null) {
    context.stdout.write(report);
  } else {
    try {
      writeFileSync(resolve(context.cwd, options.outputFile), report, 'utf8');
    } catch (error) {
      fail({
        kind: 'execution',
        message: `Cannot write \`${options.outputFile}\`: ${describeFsError(error)}`,
      });
    }
  }
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
