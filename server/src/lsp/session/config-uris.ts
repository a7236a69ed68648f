/**
 * Configuration files named by URI, as on the web: the client reads them and the server
 * resolves them (`handed-config-files.ts`), both following `extends` with `locateByUri`, so
 * the files the client reads are the ones the server looks for.
 */
import { URI, Utils } from 'vscode-uri';

/** Why a file was not read, in the words the Node server uses for a file not on disk. */
export const MISSING_FILE = 'no such file or directory';

/** Files the client reads at most: the workspace's own and those they extend. */
export const MAX_CONFIG_FILES = 200;

/**
 * The file an `extends` path names: relative to the folder of the file naming it, or an
 * absolute path on the same scheme and authority.
 */
export function locateByUri(reference: string, fromFile: string): string {
  const from = URI.parse(fromFile);
  return Utils.resolvePath(Utils.dirname(from), reference.replace(/\\/g, '/')).toString();
}
