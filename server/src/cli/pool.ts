/**
 * Analysing many files on every core: the main thread, which reads the texts, and worker
 * threads, which run the engine on texts it sends and hand back findings and metrics (plain
 * data), take files from one queue; outcomes come back in the order asked.
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

/**
 * How many workers to start beside this thread for `files` files: `jobs` threads in all when
 * given, else one per core once there are enough files to spread.
 */
export function workerCount(files: number, jobs: number | null): number {
  const threads =
    jobs === null
      ? Math.min(availableParallelism(), 1 + Math.floor(files / FILES_PER_WORKER))
      : Math.min(jobs, files);
  return Math.max(0, threads - 1);
}

/** What a worker posts once it has loaded, before any outcome: it is ready for tasks. */
const READY = 'ready';

/** The worker side: says it is ready, then answers `[index, task]` messages with `[index, outcome]`. */
export function serveAnalyses(port: MessagePort): void {
  port.on('message', ([index, task]: [number, AnalysisTask]) => {
    port.postMessage([index, outcomeOf(task)]);
  });
  port.postMessage(READY);
}

/** Tasks a ready worker holds at once, so that it never waits on the busy main thread between files. */
const IN_FLIGHT = 2;

/**
 * Analyses `tasks` in this thread with `analyzeHere` and in `workers` worker threads started
 * from `script` (the CLI's own file, which serves analyses when it is not the main thread), all
 * taking the next task from one queue: this thread starts at once, each worker as soon as it
 * has loaded. Results are in the order of `tasks`. A worker that dies fails the tasks it held;
 * the others go on in this thread and the workers left.
 */
export function analyzeInPool(
  tasks: readonly AnalysisTask[],
  {
    workers,
    script,
    analyzeHere = summarize,
  }: {
    workers: number;
    script: string;
    analyzeHere?: (task: AnalysisTask) => AnalysisSummary;
  },
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
      const held = pool.get(worker);
      while (held && held.size < IN_FLIGHT && next < tasks.length) {
        held.add(next);
        worker.postMessage([next, tasks[next]]);
        next++;
      }
    };
    for (let i = 0; i < workers; i++) {
      const worker = new Worker(script);
      pool.set(worker, new Set());
      worker.on('message', (message: typeof READY | [number, AnalysisOutcome]) => {
        if (message !== READY) {
          pool.get(worker)?.delete(message[0]);
          settle(message[0], message[1]);
        }
        feed(worker);
      });
      worker.on('error', (error) => {
        const held = pool.get(worker) ?? new Set<number>();
        pool.delete(worker);
        void worker.terminate();
        for (const index of held) settle(index, failure(error));
      });
      // A worker that ends without an error (its thread exited) fails what it still held too.
      worker.on('exit', (code) => {
        const held = pool.get(worker);
        pool.delete(worker);
        for (const index of held ?? []) {
          settle(index, failure(`the worker thread analysing it stopped (exit code ${code})`));
        }
      });
    }
    // One task at a time here, yielding between them so that workers' messages are answered.
    const step = () => {
      if (next >= tasks.length) return;
      const index = next++;
      settle(index, outcomeOf(tasks[index]!, analyzeHere));
      setImmediate(step);
    };
    step();
  });
}
