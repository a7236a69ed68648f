/**
 * A full garbage collection for the language server, however an editor starts it. Node puts
 * `gc` on the global object only for a process started with `--expose-gc`, which VS Code's
 * client passes but Neovim, Helix, Emacs or Zed starting `node server.js --stdio` do not. V8
 * reads that flag whenever it makes a context, so once the server has set it on itself
 * (`EXPOSE_GC_FLAG`, `v8-flags.ts`) a new context has `gc`, and that `gc` collects the whole
 * heap, the server's own context included (tested). The server's global object is left as it
 * was.
 */
import { runInNewContext } from 'node:vm';

/**
 * The global `gc` of `node --expose-gc`, else that of a new context (which has one once the
 * flag is set); null where neither has.
 */
export function fullCollection(scope: { gc?: unknown } = globalThis): (() => void) | null {
  if (typeof scope.gc === 'function') return scope.gc as () => void;
  try {
    const gc: unknown = runInNewContext('gc');
    return typeof gc === 'function' ? (gc as () => void) : null;
  } catch {
    // A ReferenceError: the flag is not set.
    return null;
  }
}
