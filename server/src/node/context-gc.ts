/**
 * A full garbage collection for a Node process started without `--expose-gc` (editors other
 * than VS Code): the flag turned on at run time gives a new context its `gc`.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/** The `gc` of a new context, the `--expose-gc` flag turned on for it. */
export function contextCollection(): unknown {
  setFlagsFromString('--expose-gc');
  return runInNewContext('gc');
}
