/** The language server's process, as `ps` lists it: for the tests that restart or kill it. */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

/**
 * Process ids of the servers (`server/out/server.js` of the extension at `extensionPath`) that
 * this extension host started: the client forks the server, so they are its children.
 */
export function serverPids(extensionPath: string): number[] {
  const script = join(extensionPath, 'server', 'out', 'server.js');
  const listing = execFileSync('ps', ['-eo', 'pid=,ppid=,args='], { encoding: 'utf8' });
  return listing
    .split('\n')
    .map((line) => /^\s*(\d+)\s+(\d+)\s+(.*)$/.exec(line))
    .filter((match) => match !== null)
    .filter(([, , ppid, command]) => Number(ppid) === process.pid && command.includes(script))
    .map(([, pid]) => Number(pid));
}
