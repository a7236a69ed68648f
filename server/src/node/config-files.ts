/**
 * Configuration files on disk: finds the `.postmortemrc.json` that applies to a document (the
 * nearest one from its folder upward), reads it and follows `extends` paths.
 */
import { readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { ConfigSource, ResolvedConfig } from '../engine';
import { CONFIG_FILE_NAME, defaultConfig, loadConfig } from '../engine';

/** Why a file system call failed, for people: `no such file or directory`. */
export function describeFsError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'ENOENT':
      return 'no such file or directory';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'is a directory';
    default:
      return error instanceof Error ? error.message : String(error);
  }
}

/** Reads a configuration file as UTF-8. */
function readSource(fileName: string): ConfigSource {
  try {
    return { fileName, text: readFileSync(fileName, 'utf8') };
  } catch (error) {
    return { fileName, error: describeFsError(error) };
  }
}

/** The file an `extends` path names: relative to the folder of the file naming it. */
function locateExtended(reference: string, fromFile: string): string {
  return resolve(dirname(fromFile), reference);
}

function isFile(path: string): boolean {
  try {
    return statSync(path, { throwIfNoEntry: false })?.isFile() ?? false;
  } catch {
    // A folder we may not look into has no configuration we could use.
    return false;
  }
}

/** The nearest configuration file from `folder` upward, or null when there is none. */
export function findConfigFile(folder: string): string | null {
  let current = resolve(folder);
  for (;;) {
    const candidate = join(current, CONFIG_FILE_NAME);
    if (isFile(candidate)) return candidate;
    const parent = dirname(current);
    if (parent === current) return null;
    current = parent;
  }
}

/**
 * Reads and resolves a configuration file, following `extends` paths. `openText` gives the
 * text of a file an editor holds open, which wins over the disk's. A file that cannot be read
 * is a problem, and the defaults apply.
 */
export function loadConfigFile(
  file: string,
  openText: (fileName: string) => string | undefined = () => undefined,
): ResolvedConfig {
  const read = (fileName: string): ConfigSource => {
    const text = openText(fileName);
    return text === undefined ? readSource(fileName) : { fileName, text };
  };
  return loadConfig(resolve(file), read, locateExtended, file);
}

/** The configuration of a document: its nearest configuration file's, or the defaults. */
export function configForDocument(documentPath: string): ResolvedConfig & { file: string | null } {
  const file = findConfigFile(dirname(resolve(documentPath)));
  if (!file) return { config: defaultConfig(), problems: [], files: [], file };
  return { ...loadConfigFile(file), file };
}

/**
 * Settings given as an object (the remark plugins' options): the keys of a configuration
 * file, over the nearest one from `folder` unless they say what they extend themselves.
 * Their problems are reported in `name`, as if a file of that folder.
 */
export function resolveSettings(settings: object, folder: string, name: string): ResolvedConfig {
  const nearest = findConfigFile(folder);
  const over = nearest && !('extends' in settings) ? { ...settings, extends: nearest } : settings;
  // Read as a file of `folder` (its `extends` paths are relative to it) that holds the settings.
  const fileName = join(resolve(folder), name);
  const text = JSON.stringify(over, null, 2);
  return loadConfigFile(fileName, (file) => (file === fileName ? text : undefined));
}
