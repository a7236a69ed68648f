/** `postmortem-lint`: the command line entry (bundled to `server/out/cli.js`). */
import { text } from 'node:stream/consumers';
import { isMainThread, parentPort } from 'node:worker_threads';
import { serveAnalyses } from './pool';
import { runCli } from './run';

if (isMainThread) {
  runCli(process.argv.slice(2), {
    cwd: process.cwd(),
    env: process.env,
    stdout: process.stdout,
    stderr: process.stderr,
    readStdin: () => text(process.stdin),
    workerScript: __filename,
  }).then(
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
