/**
 * Analysing many files on every core: worker threads that run the engine on texts the main
 * thread reads, and hand back findings and metrics (plain data) in the order asked.
 */
import { availableParallelism } from 'node:os';
import type { MessagePort } from 'node:worker_threads';
import { Worker } from 'node:worker_threads';
import type {
  FileGlobs,
  Finding,
  LintConfig,
  Metrics,
  Notice,
  Readout,
  ReportSummary,
} from '../engine';
import { analyze, createSession, isPostmortem, readout, summarizeReport } from '../engine';

/** One file to analyse: its text without a byte order mark, and its configuration. */
export interface AnalysisTask {
  text: string;
  config: LintConfig;
  /**
   * Where the file is and which globs make a post-mortem, when only a post-mortem is to be
   * linted (folder and glob mode); null when the file is linted whatever it holds.
   */
  applicability: { path: string; fileGlobs: FileGlobs[] } | null;
  /** Whether to summarise the report too (`postmortem-lint report`); absent: not. */
  summarize?: boolean;
}

/** What the output needs of an analysis. */
export interface AnalysisSummary {
  findings: Finding[];
  metrics: Metrics | null;
  notices: Notice[];
  /** What was read: sections and timeline entries. */
  read: Readout;
  /** Whether the file is to be reported: a post-mortem, or linted whatever it holds. */
  postmortem: boolean;
  /** The report's summary, when the task asked for it. */
  reportSummary?: ReportSummary;
}

/** An analysis that threw: the engine's message, reported for that file alone. */
export interface AnalysisFailure {
  error: string;
}

export type AnalysisOutcome = AnalysisSummary | AnalysisFailure;

function failure(error: unknown): AnalysisFailure {
  return { error: error instanceof Error ? error.message : String(error) };
}

/** Files per worker below which starting a worker costs more than it saves. */
const FILES_PER_WORKER = 50;

/** Analyses one text in a session: its chunked parse reads long tables on a fast path. */
export function summarize(task: AnalysisTask): AnalysisSummary {
  const { text, config, applicability } = task;
  const analysis = analyze(text, config, createSession());
  const { findings, model, notices } = analysis;
  const postmortem =
    applicability === null || isPostmortem(applicability.path, model, applicability.fileGlobs);
  const result = { findings, metrics: model.metrics, notices, read: readout(model), postmortem };
  return task.summarize && postmortem
    ? { ...result, reportSummary: summarizeReport(analysis, config) }
    : result;
}

/** `analyzeTask` of one task, a throw turned into the failure of that task alone. */
export function outcomeOf(
  task: AnalysisTask,
  analyzeTask: (task: AnalysisTask) => AnalysisSummary = summarize,
): AnalysisOutcome {
  try {
    return analyzeTask(task);
  } catch (error) {
    return failure(error);
  }
}

/** How many workers to start for `files` files: `jobs` when given, else one per core. */
export function workerCount(files: number, jobs: number | null): number {
  const wanted = jobs ?? availableParallelism();
  const count = Math.min(wanted, jobs === null ? Math.floor(files / FILES_PER_WORKER) : files);
  // One worker would only add its start-up to the main thread's work.
  return count <= 1 ? 0 : count;
}

/** The worker side: answers `[index, task]` messages with `[index, outcome]`. */
export function serveAnalyses(port: MessagePort): void {
  port.on('message', ([index, task]: [number, AnalysisTask]) => {
    port.postMessage([index, outcomeOf(task)]);
  });
}

/**
 * Analyses `tasks` in `workers` worker threads started from `script` (the CLI's own file, which
 * serves analyses when it is not the main thread). Results are in the order of `tasks`; a
 * worker that dies fails the tasks it held, and the others go on in the workers left.
 */
export function analyzeInWorkers(
  tasks: AnalysisTask[],
  workers: number,
  script: string,
): Promise<AnalysisOutcome[]> {
  const results: AnalysisOutcome[] = new Array(tasks.length);
  let next = 0;
  let done = 0;
  if (tasks.length === 0) return Promise.resolve(results);
  return new Promise((resolve) => {
    const pool = new Map<Worker, Set<number>>();
    const settle = (index: number, outcome: AnalysisOutcome) => {
      if (results[index] !== undefined) return;
      results[index] = outcome;
      if (++done === tasks.length) {
        for (const worker of pool.keys()) void worker.terminate();
        resolve(results);
      }
    };
    const feed = (worker: Worker) => {
      if (next < tasks.length) {
        pool.get(worker)!.add(next);
        worker.postMessage([next, tasks[next]]);
        next++;
      }
    };
    for (let i = 0; i < workers; i++) {
      const worker = new Worker(script);
      pool.set(worker, new Set());
      worker.on('message', ([index, outcome]: [number, AnalysisOutcome]) => {
        pool.get(worker)?.delete(index);
        settle(index, outcome);
        feed(worker);
      });
      worker.on('error', (error) => {
        const held = pool.get(worker) ?? new Set<number>();
        pool.delete(worker);
        void worker.terminate();
        for (const index of held) settle(index, failure(error));
        // With no worker left, the tasks not yet sent fail too rather than wait forever.
        if (pool.size === 0) while (next < tasks.length) settle(next++, failure(error));
      });
      // Two tasks in flight per worker, so that none waits on the main thread between files.
      feed(worker);
      feed(worker);
    }
  });
}
