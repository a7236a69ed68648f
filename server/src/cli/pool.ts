/**
 * Analysing many files on every core: worker threads that run the engine on texts the main
 * thread reads, and hand back findings and metrics (plain data) in the order asked.
 */
import { availableParallelism } from 'node:os';
import type { MessagePort } from 'node:worker_threads';
import { Worker } from 'node:worker_threads';
import type { Finding, LintConfig, Metrics, Notice, Readout } from '../engine';
import { analyze, createSession, readout } from '../engine';

/** One file to analyse: its text without a byte order mark, and its configuration. */
export interface AnalysisTask {
  text: string;
  config: LintConfig;
}

/** What the output needs of an analysis. */
export interface AnalysisSummary {
  findings: Finding[];
  metrics: Metrics | null;
  notices: Notice[];
  /** What was read: sections and timeline entries. */
  read: Readout;
}

/** Files per worker below which starting a worker costs more than it saves. */
const FILES_PER_WORKER = 50;

/** Analyses one text in a session: its chunked parse reads long tables on a fast path. */
export function summarize({ text, config }: AnalysisTask): AnalysisSummary {
  const { findings, model, notices } = analyze(text, config, createSession());
  return { findings, metrics: model.metrics, notices, read: readout(model) };
}

/** How many workers to start for `files` files: `jobs` when given, else one per core. */
export function workerCount(files: number, jobs: number | null): number {
  const wanted = jobs ?? availableParallelism();
  const count = Math.min(wanted, jobs === null ? Math.floor(files / FILES_PER_WORKER) : files);
  // One worker would only add its start-up to the main thread's work.
  return count <= 1 ? 0 : count;
}

/** The worker side: answers `[index, task]` messages with `[index, summary]`. */
export function serveAnalyses(port: MessagePort): void {
  port.on('message', ([index, task]: [number, AnalysisTask]) => {
    port.postMessage([index, summarize(task)]);
  });
}

/**
 * Analyses `tasks` in `workers` worker threads started from `script` (the CLI's own file, which
 * serves analyses when it is not the main thread). Results are in the order of `tasks`.
 */
export function analyzeInWorkers(
  tasks: AnalysisTask[],
  workers: number,
  script: string,
): Promise<AnalysisSummary[]> {
  const results: AnalysisSummary[] = new Array(tasks.length);
  let next = 0;
  let done = 0;
  if (tasks.length === 0) return Promise.resolve(results);
  return new Promise((resolve, reject) => {
    const pool: Worker[] = [];
    const finish = (error?: unknown) => {
      for (const worker of pool) void worker.terminate();
      if (error) reject(error);
      else resolve(results);
    };
    const feed = (worker: Worker) => {
      if (next < tasks.length) {
        worker.postMessage([next, tasks[next]]);
        next++;
      }
    };
    for (let i = 0; i < workers; i++) {
      const worker = new Worker(script);
      pool.push(worker);
      worker.on('message', ([index, summary]: [number, AnalysisSummary]) => {
        results[index] = summary;
        if (++done === tasks.length) finish();
        else feed(worker);
      });
      worker.on('error', finish);
      // Two tasks in flight per worker, so that none waits on the main thread between files.
      feed(worker);
      feed(worker);
    }
  });
}
