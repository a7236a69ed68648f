/** The language server's process, as `ps` lists it: for the tests that restart or kill it. */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

/**
 * The servers (`server/out/server.js` of the extension at `extensionPath`) that this extension
 * host started, with their command lines: the client forks the server, so they are its children.
 */
export function serverProcesses(extensionPath: string): { pid: number; args: string }[] {
  const script = join(extensionPath, 'server', 'out', 'server.js');
  const listing = execFileSync('ps', ['-eo', 'pid=,ppid=,args='], { encoding: 'utf8' });
  return listing
    .split('\n')
    .map((line) => /^\s*(\d+)\s+(\d+)\s+(.*)$/.exec(line))
    .filter((match) => match !== null)
    .filter(([, , ppid, args]) => Number(ppid) === process.pid && args.includes(script))
    .map(([, pid, , args]) => ({ pid: Number(pid), args }));
}

/** Process ids of the servers that this extension host started (`serverProcesses`). */
export function serverPids(extensionPath: string): number[] {
  return serverProcesses(extensionPath).map(({ pid }) => pid);
}
