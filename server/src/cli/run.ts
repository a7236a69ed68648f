/** The `postmortem-lint` command: lint the files named, print them in a format, exit status. */
import {
  readFileSync,
  realpathSync,
  renameSync,
  statSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';
import { version } from '../../../package.json';
import { describeFsError, findConfigFile, loadConfigFile } from '../node/config-files';
import type { ConfigProblem, ResolvedConfig } from '../engine';
import { defaultConfig, fixAll, isBinaryText, readout, stripBom } from '../engine';
import { readOptions, USAGE } from './args';
import type { Options } from './args';
import { discoverFiles } from './discover';
import { formatJson } from './format-json';
import { formatSarif } from './format-sarif';
import { formatStylish } from './format-stylish';
import type { AnalysisSummary, AnalysisTask } from './pool';
import { analyzeInWorkers, summarize, workerCount } from './pool';
import type { FileResult } from './result';

/** Where the command writes, and what it knows of its surroundings. */
export interface CliContext {
  cwd: string;
  env: Record<string, string | undefined>;
  stdout: { write(text: string): unknown; isTTY?: boolean };
  stderr: { write(text: string): unknown };
  /** The script worker threads start from: the CLI's own file, which serves analyses there. */
  workerScript: string;
}

/** Exit statuses of SPEC §5. */
const EXIT = { clean: 0, findings: 1, error: 2 } as const;

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

/**
 * Lints the files of `options`. Read and write errors go to `fail`; configuration problems
 * to `fail` too, once each, as `file:line:column: message` lines that editors can follow.
 */
async function lintFiles(
  options: Options,
  context: CliContext,
  fail: (message: string, prefix?: boolean) => void,
): Promise<FileResult[]> {
  const printedProblems = new Set<string>();
  const printProblems = (problems: ConfigProblem[]) => {
    for (const problem of problems) {
      const file = relative(context.cwd, problem.file) || problem.file;
      const line = `${file}:${problem.line}:${problem.column}: ${problem.message}`;
      if (printedProblems.has(line)) continue;
      printedProblems.add(line);
      fail(line, false);
    }
  };
  const explicit: ResolvedConfig | null = options.config ? loadConfigFile(options.config) : null;
  if (explicit) printProblems(explicit.problems);
  // Files of one folder tree share their configuration file: read and resolve it once.
  const loaded = new Map<string, ResolvedConfig>();
  const configFor = (path: string): ResolvedConfig => {
    if (explicit) return explicit;
    const file = findConfigFile(dirname(path));
    if (!file) return { config: defaultConfig(), problems: [], files: [] };
    const resolved = loaded.get(file) ?? loadConfigFile(file);
    loaded.set(file, resolved);
    return resolved;
  };

  const discovery = discoverFiles(options.targets, context.cwd);
  discovery.errors.forEach((message) => fail(message));

  const results: FileResult[] = [];
  // Without `--fix`, files are read here and analysed afterwards, in workers when there are many.
  const pending: { result: FileResult; task: AnalysisTask }[] = [];
  for (const file of discovery.files) {
    let raw: string;
    try {
      raw = readFileSync(file.absolutePath, 'utf8');
    } catch (error) {
      fail(`Cannot read \`${file.path}\`: ${describeFsError(error)}`);
      continue;
    }
    if (isBinaryText(raw)) {
      fail(
        `Cannot read \`${file.path}\` as text: it holds NUL characters (a binary file, or text saved as UTF-16)`,
      );
      continue;
    }
    const resolved = configFor(file.absolutePath);
    printProblems(resolved.problems);
    const { text, bomLength } = stripBom(raw);
    const result: FileResult = {
      path: file.path,
      absolutePath: file.absolutePath,
      findings: [],
      metrics: null,
      read: { sections: [], timeline: null },
    };
    results.push(result);
    const task = { text, config: resolved.config };
    if (!options.fix) {
      pending.push({ result, task });
      continue;
    }
    const fixed = fixAll(text, resolved.config);
    let analysis: AnalysisSummary = {
      findings: fixed.analysis.findings,
      metrics: fixed.analysis.model.metrics,
      notices: fixed.analysis.notices,
      read: readout(fixed.analysis.model),
    };
    if (fixed.text !== text) {
      try {
        writeAtomically(file.absolutePath, raw.slice(0, bomLength) + fixed.text);
      } catch (error) {
        fail(`Cannot write \`${file.path}\`: ${describeFsError(error)}`);
        analysis = summarize(task);
      }
    }
    Object.assign(result, analysis);
  }
  const tasks = pending.map(({ task }) => task);
  const workers = workerCount(tasks.length, options.jobs);
  const summaries =
    workers > 0
      ? await analyzeInWorkers(tasks, workers, context.workerScript)
      : tasks.map(summarize);
  pending.forEach(({ result }, index) => Object.assign(result, summaries[index]));
  return results;
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

  let failed = false;
  const fail = (message: string, prefix = true) => {
    failed = true;
    context.stderr.write(`${prefix ? 'postmortem-lint: ' : ''}${message}\n`);
  };
  const results = await lintFiles(options, context, fail);
  // Whatever the format, people (and editors following `file:line:column`) learn what was not
  // checked; the exit status stays that of the findings.
  for (const result of results) {
    for (const notice of result.notices ?? []) {
      const { line, column } = notice.span.start;
      context.stderr.write(`${result.path}:${line}:${column}: ${notice.message}\n`);
    }
  }

  const color = context.stdout.isTTY === true && !context.env.NO_COLOR;
  switch (options.format) {
    case 'json':
      context.stdout.write(formatJson(results));
      break;
    case 'sarif':
      context.stdout.write(formatSarif(results, { cwd: context.cwd, version }));
      break;
    case 'stylish':
      context.stdout.write(formatStylish(results, color));
      break;
  }
  if (failed) return EXIT.error;
  const blocking = results.some((result) =>
    result.findings.some((finding) => finding.severity !== 'info'),
  );
  return blocking ? EXIT.findings : EXIT.clean;
}
