/**
 * Configuration files on disk: finds the `.postmortemrc.json` that applies to a document (the
 * nearest one from its folder upward, within its repository), reads it and follows `extends`
 * paths, reading only small regular files inside the repository.
 */
import { realpathSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import type { ConfigSource, ResolvedConfig } from '../engine';
import { CONFIG_FILE_NAME, decodeUtf8, defaultConfig, loadConfig } from '../engine';
import { foldersUpward, repositoryRoot } from './repository';
import { readSmallFile, tooLarge } from './small-files';

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

/** Configuration files are small: a larger one is not read (and `/dev/zero` never ends). */
export const MAX_CONFIG_BYTES = 1024 * 1024;

/**
 * Where the configuration files of one resolution may be: the repository holding the first
 * file (the folder with `.git` at or above it), or without one, that file's own folder.
 */
interface ConfigRoot {
  folder: string;
  /** The folder with its links resolved, which real paths are compared with. */
  real: string;
  /** How a message names it. */
  name: string;
}

function configRoot(firstFolder: string): ConfigRoot {
  const repository = repositoryRoot(firstFolder);
  const folder = repository ?? firstFolder;
  let real = folder;
  try {
    real = realpathSync(folder);
  } catch {
    // A folder that is gone: its files cannot be read either, and say so themselves.
  }
  return {
    folder,
    real,
    name: repository
      ? `the repository \`${folder}\``
      : `\`${folder}\` (the configuration's folder, outside any repository)`,
  };
}

function isInside(path: string, folder: string): boolean {
  const fromFolder = relative(folder, path);
  return fromFolder !== '..' && !fromFolder.startsWith(`..${sep}`) && !isAbsolute(fromFolder);
}

/** The real path of a file (its links resolved); a file only an editor holds is its own. */
function realPathOf(fileName: string, openInEditor: boolean): string {
  try {
    return realpathSync(fileName);
  } catch (error) {
    if (openInEditor) return resolve(fileName);
    throw error;
  }
}

/**
 * Reads a configuration file: only inside `root`, only a regular file of at most 1 MB, only
 * UTF-8. `openText` is an editor's text of the file, which wins over the disk's. No message
 * says what the file holds: a file that is not configuration may be a secret.
 */
function readSource(
  fileName: string,
  root: ConfigRoot,
  openText: (fileName: string) => string | undefined,
): ConfigSource {
  try {
    const open = openText(fileName);
    // The path itself first: whether a file outside exists is not told either.
    const outside =
      !isInside(resolve(fileName), root.folder) ||
      !isInside(realPathOf(fileName, open !== undefined), root.real);
    if (outside) {
      return {
        fileName,
        error: `outside ${root.name}, where configuration files are read`,
      };
    }
    if (open !== undefined) {
      return open.length > MAX_CONFIG_BYTES
        ? { fileName, error: tooLarge(MAX_CONFIG_BYTES) }
        : { fileName, text: open };
    }
    const bytes = readSmallFile(fileName, MAX_CONFIG_BYTES);
    if (typeof bytes === 'string') return { fileName, error: bytes };
    const { text, invalid } = decodeUtf8(bytes);
    if (invalid) {
      return {
        fileName,
        error: `not UTF-8 text (line ${invalid.line}, column ${invalid.column})`,
      };
    }
    return { fileName, text };
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

/**
 * The nearest configuration file from `folder` upward to the repository's root (or the file
 * system's, outside a repository), or null when there is none.
 */
export function findConfigFile(folder: string): string | null {
  for (const current of foldersUpward(folder)) {
    const candidate = join(current, CONFIG_FILE_NAME);
    if (isFile(candidate)) return candidate;
  }
  return null;
}

/**
 * Reads and resolves a configuration file, following `extends` paths, each inside the
 * repository of `rootFolder` (the file's folder unless given), or outside a repository inside
 * `rootFolder` itself (see `readSource`). `openText` gives the text of a file an editor holds
 * open, which wins over the disk's. A file that cannot be read is a problem, and the defaults
 * apply.
 */
export function loadConfigFile(
  file: string,
  openText: (fileName: string) => string | undefined = () => undefined,
  rootFolder: string = dirname(resolve(file)),
): ResolvedConfig {
  const root = configRoot(resolve(rootFolder));
  return loadConfig(
    resolve(file),
    (fileName) => readSource(fileName, root, openText),
    locateExtended,
    file,
  );
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
  // Read as a file of `folder` (its `extends` paths are relative to it) that holds the settings;
  // outside a repository, the nearest file's folder bounds what they may read.
  const fileName = join(resolve(folder), name);
  const text = JSON.stringify(over, null, 2);
  const openText = (file: string) => (file === fileName ? text : undefined);
  return loadConfigFile(fileName, openText, nearest ? dirname(nearest) : folder);
}
