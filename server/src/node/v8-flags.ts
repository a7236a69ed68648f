/**
 * The V8 flags the product's processes set on themselves at start, through
 * `v8.setFlagsFromString`, so that they hold however the process is started (a plain
 * `node server.js --stdio` from any editor, `postmortem-lint` from a shell or CI). V8 reads
 * each of them whenever it makes the decision it tunes, so setting it from inside the process
 * works (tested). An option on the same thing the process was started with wins.
 */
import { setFlagsFromString } from 'node:v8';

/**
 * The language server's young generation. With V8's defaults, a burst of analyses (an editor
 * restoring a hundred open reports) doubles the young generation's semispaces up to 16 MB each,
 * old-generation garbage piles up without a full collection, and an idle server never gives
 * either back. Keeping the young generation at its first size (a parse's garbage dies young,
 * so it is collected as often instead) bounds the first, and the rest is then given back while
 * the server is idle, within 10 seconds of the last analysis (V8's memory reducer, whose first
 * collection waits 8 seconds). Measured on 100 open 50 KB reports without `--expose-gc`:
 * resident memory at the peak 193 → about 145-165 MB, 10 s later 184 → 79 MB, for about 5 %
 * more CPU time per analysis; the workspace index of 1,000 small reports, many short analyses,
 * takes about a quarter longer (1.2–1.3 → 1.4–1.6 × the CLI on the same files).
 */
export const SERVER_HEAP_FLAG = { flag: '--semi-space-growth-factor=1', topic: 'semi-space' };

/**
 * The language server's old generation: the next full collection once what survived the last
 * has doubled, instead of V8's up to fourfold. A tree and model live through their analysis
 * (tens of milliseconds, many young collections), so each analysis of a burst moves a few
 * megabytes of its garbage to the old generation, and the peak is what piles up there between
 * full collections. Measured on 100 open 50 KB reports, alternately: resident memory at the
 * peak 148–155 → 107–133 MB, with or without `--expose-gc`, for about 6 % more CPU time over
 * bursts of analyses in one process. (A tighter bound cost more: 70 % about 15 %, 50 or 20 %
 * 40 to 110 %.)
 */
export const OLD_GENERATION_FLAG = { flag: '--heap-growing-percent=100', topic: 'heap-growing' };

/**
 * The optimising compiler, started later, by the command line and the server. By default V8
 * sends a function to TurboFan after it has run about 200 KB of bytecode; the engine has many
 * functions that each run a little per file, so a run over a few dozen reports optimised code
 * it was about to stop running. Eight times that budget: the dfds corpus (42 reports) 0.65 →
 * 0.44 s of CPU time and about a quarter less wall time, 600 generated reports 3.5 → 3.2 s of
 * CPU time. (Without TurboFan at all, `--no-opt`, the small run is as fast but 600 reports
 * take 25 % longer.) A fresh server's first open of a 5,000-row report, which compiles while
 * it reads: 290-300 → 190-210 ms of CPU time from `didOpen` to the code lens.
 */
export const TIERING_FLAG = { flag: '--interrupt-budget=540672', topic: 'interrupt-budget' };

/**
 * The language server's full collection in any editor: with the flag set, V8 gives each new
 * context a `gc` that collects the whole heap (`full-collection.ts`), which the idle collector
 * runs after bursts of analysis. Without it only V8's memory reducer gives memory back, and it
 * waits for a low allocation rate: on a loaded machine 100 open 50 KB reports still held
 * 104-112 MB 10 s after the last analysis, against 79-80 MB with the collections.
 */
export const EXPOSE_GC_FLAG = { flag: '--expose-gc', topic: 'expose-gc' };

/** The options a process was started with: its `execArgv` and `NODE_OPTIONS`. */
function startOptions(): string[] {
  return [...process.execArgv, ...(process.env.NODE_OPTIONS ?? '').split(/\s+/)];
}

/**
 * Sets `flag` on this process unless it was started with an option on its topic (either
 * spelling: `--max-semi-space-size` or `--max_semi_space_size`); returns whether it set it.
 */
export function setUnlessGiven(
  { flag, topic }: { flag: string; topic: string },
  given: readonly string[] = startOptions(),
  set: (flag: string) => void = setFlagsFromString,
): boolean {
  if (given.some((option) => option.replaceAll('_', '-').includes(topic))) return false;
  set(flag);
  return true;
}
