/** `postmortem-lint`: the command line entry (bundled to `server/out/cli.js`). */
import { isMainThread, parentPort } from 'node:worker_threads';
import { serveAnalyses } from './pool';
import { runCli } from './run';

if (isMainThread) {
  void runCli(process.argv.slice(2), {
    cwd: process.cwd(),
    env: process.env,
    stdout: process.stdout,
    stderr: process.stderr,
    workerScript: __filename,
  }).then((status) => {
    process.exitCode = status;
  });
} else {
  // Started by the worker pool of `--jobs`: analyse what the main thread sends.
  serveAnalyses(parentPort!);
}
