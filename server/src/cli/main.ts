/** `postmortem-lint`: the command line entry (bundled to `server/out/cli.js`). */
import { runCli } from './run';

process.exitCode = runCli(process.argv.slice(2), {
  cwd: process.cwd(),
  env: process.env,
  stdout: process.stdout,
  stderr: process.stderr,
});
