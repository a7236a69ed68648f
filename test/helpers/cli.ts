/** Node scripts run as processes by the tests: `postmortem-lint` (`server/out/cli.js`) above all. */
import { spawnSync } from 'node:child_process';
import type { SpawnSyncOptionsWithStringEncoding } from 'node:child_process';
import { join } from 'node:path';
import { repoRoot } from './paths';

/** The CLI bundle (`buildBundles('cli')` builds it). */
export const cliPath = join(repoRoot, 'server', 'out', 'cli.js');

/** How a run ended and what it wrote. */
export interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  /** The working folder; the repository when not given. */
  cwd?: string;
  /** Runs without `NO_COLOR`, so that colour depends on the TTY check alone. */
  unsetNoColor?: boolean;
  /** Variables set over this process's environment. */
  env?: Record<string, string>;
  /** Milliseconds before the process is killed (`spawnSync`'s `timeout`). */
  timeout?: number;
  /** Bytes of stdout or stderr allowed (`spawnSync`'s `maxBuffer`, 1 MiB when not given). */
  maxBuffer?: number;
  /** What the process reads on standard input. */
  input?: string;
}

/** Runs `node script ...args` to its end, with this process's environment. */
export function runNode(script: string, args: string[], options: RunOptions = {}): Run {
  const spawnOptions: SpawnSyncOptionsWithStringEncoding = {
    cwd: options.cwd ?? repoRoot,
    encoding: 'utf8',
  };
  if (options.unsetNoColor || options.env) {
    const env = { ...process.env, ...options.env };
    if (options.unsetNoColor) delete env.NO_COLOR;
    spawnOptions.env = env;
  }
  if (options.timeout !== undefined) spawnOptions.timeout = options.timeout;
  if (options.maxBuffer !== undefined) spawnOptions.maxBuffer = options.maxBuffer;
  if (options.input !== undefined) spawnOptions.input = options.input;
  const result = spawnSync(process.execPath, [script, ...args], spawnOptions);
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Runs `postmortem-lint ...args` (the built `server/out/cli.js`). */
export function runCli(args: string[], options: RunOptions = {}): Run {
  return runNode(cliPath, args, options);
}
