/** `postmortem-lint`: the command line entry (bundled to `server/out/cli.js`). */
import { text } from 'node:stream/consumers';
import { isMainThread, parentPort } from 'node:worker_threads';
import { serveAnalyses } from './pool';
import { runReport } from './report/run';
import { runCli } from './run';
import { TIERING_FLAG, setUnlessGiven } from '../node/v8-flags';

if (isMainThread) {
  // Worker threads share the process's flags.
  setUnlessGiven(TIERING_FLAG);
  const argv = process.argv.slice(2);
  const context = {
    cwd: process.cwd(),
    env: process.env,
    stdout: process.stdout,
    stderr: process.stderr,
    readStdin: () => text(process.stdin),
    workerScript: __filename,
  };
  // `postmortem-lint report …` summarises many reports; anything else is linted (a file named
  // `report` is linted as `./report`).
  const run = argv[0] === 'report' ? runReport(argv.slice(1), context) : runCli(argv, context);
  run.then(
    (status) => {
      process.exitCode = status;
    },
    (error: unknown) => {
      // Files' own errors are reported with them; this is the run itself failing.
      process.stderr.write(
        `postmortem-lint: internal error: ${error instanceof Error ? error.message : String(error)}\n`,
      );
      process.exitCode = 2;
    },
  );
} else {
  // Started by the worker pool of `--jobs`: analyse what the main thread sends.
  serveAnalyses(parentPort!);
}
