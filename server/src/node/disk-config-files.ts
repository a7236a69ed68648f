/**
 * The Node language server's configuration files: read from disk, documents located by their
 * `file:` paths (other schemes, `untitled:` say, have no place and no configuration file).
 */
import { existsSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { findConfigFile, loadConfigFile } from './config-files';

/** The file system path of a `file:` URI; null for other schemes (`untitled:`). */
export function uriToPath(uri: string): string | null {
  if (!uri.startsWith('file:')) return null;
  try {
    return resolve(fileURLToPath(uri));
  } catch {
    return null;
  }
}

/** Configuration files on disk, in the shape `startServer` takes (`lsp/host.ts`). */
export const diskConfigFiles = {
  ready: (): Promise<void> => Promise.resolve(),
  locate: uriToPath,
  uriOf: (path: string): string => pathToFileURL(path).href,
  folderOf: dirname,
  isFolder: (path: string): boolean =>
    statSync(path, { throwIfNoEntry: false })?.isDirectory() ?? false,
  nearest: findConfigFile,
  exists: existsSync,
  load: loadConfigFile,
};
