/**
 * Runs the end-to-end suite with mocha inside the extension host. Two callers:
 * `@vscode/test-electron` calls `run()` (`--extensionTestsPath`, `npm run test:vscode`), and the
 * runner extension of the code-server run calls `runSuite` (`npm run test:e2e`).
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { format } from 'node:util';
import Mocha from 'mocha';

/** One test's outcome, named by its titles from the outermost `describe`. */
export interface TestOutcome {
  title: string;
  durationMs?: number;
  message?: string;
  stack?: string;
}

/** What a run gave: mocha's `spec` report, and each test's outcome. */
export interface SuiteResult {
  /** The spec reporter's text, when asked to capture it. */
  report: string;
  passes: TestOutcome[];
  failures: TestOutcome[];
  pending: TestOutcome[];
}

export interface SuiteOptions {
  /** Per-test timeout. */
  timeoutMs: number;
  /** Only tests whose full title matches. */
  grep?: string;
  /** Keep the spec report in `SuiteResult.report` instead of printing it. */
  capture: boolean;
}

/** The compiled test files of a folder (`*.test.js`), sorted. */
export function testFiles(folder: string): string[] {
  return readdirSync(folder)
    .filter((name) => name.endsWith('.test.js'))
    .sort()
    .map((name) => join(folder, name));
}

/** Runs mocha (BDD, spec reporter) over `files`. */
export function runSuite(files: readonly string[], options: SuiteOptions): Promise<SuiteResult> {
  const mocha = new Mocha({
    ui: 'bdd',
    reporter: 'spec',
    color: !options.capture,
    timeout: options.timeoutMs,
    ...(options.grep ? { grep: options.grep } : {}),
  });
  for (const file of files) mocha.addFile(file);
  const result: SuiteResult = { report: '', passes: [], failures: [], pending: [] };
  const lines: string[] = [];
  const print = Mocha.reporters.Base.consoleLog;
  // The spec reporter writes through this hook; the code-server run keeps the text instead.
  if (options.capture) {
    Mocha.reporters.Base.consoleLog = (...data: unknown[]) => lines.push(format(...data));
  }
  const title = (test: Mocha.Runnable): string => test.titlePath().join(' › ');
  return new Promise<SuiteResult>((resolve, reject) => {
    const finish = (): void => {
      Mocha.reporters.Base.consoleLog = print;
      result.report = lines.join('\n');
      resolve(result);
    };
    try {
      mocha
        .run(finish)
        .on('pass', (test) => result.passes.push({ title: title(test), durationMs: test.duration }))
        .on('fail', (test, error: Error) =>
          result.failures.push({ title: title(test), message: error.message, stack: error.stack }),
        )
        .on('pending', (test) => result.pending.push({ title: title(test) }));
    } catch (error) {
      // A test file that throws while loading stops the run before any test.
      Mocha.reporters.Base.consoleLog = print;
      reject(error instanceof Error ? error : new Error(String(error)));
    }
  });
}

/** `--extensionTestsPath` entry: runs the tests beside this file; rejects when one fails. */
export async function run(): Promise<void> {
  const result = await runSuite(testFiles(__dirname), { timeoutMs: 60_000, capture: false });
  if (result.failures.length > 0) {
    throw new Error(`${result.failures.length} of the end-to-end tests failed`);
  }
  if (result.passes.length === 0) throw new Error('No end-to-end test ran');
}
