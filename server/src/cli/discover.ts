/**
 * Which files the command line names: files as given (whatever their extension), Markdown
 * files below directories, and files matching globs. Folders named `node_modules` or starting
 * with a dot are not searched.
 */
import type { Dirent } from 'node:fs';
import { readdirSync, statSync } from 'node:fs';
import { join, resolve, sep } from 'node:path';
import picomatch from 'picomatch';
import { describeFsError } from '../node/config-files';

/** A file to lint: how to show it (as given, or joined to the folder given) and where it is. */
export interface DiscoveredFile {
  path: string;
  absolutePath: string;
}

export interface Discovery {
  files: DiscoveredFile[];
  /** Arguments that name nothing, or folders that cannot be read: one message each. */
  errors: string[];
}

const MARKDOWN = /\.(md|markdown)$/i;

function skipFolder(name: string): boolean {
  return name === 'node_modules' || name.startsWith('.');
}

/** Files below `folder` (relative paths with `/`, sorted), that `keep` accepts. */
function walk(
  folder: string,
  keep: (relativePath: string) => boolean,
  errors: string[],
  prefix = '',
): string[] {
  let entries: Dirent[];
  try {
    entries = readdirSync(join(folder, prefix), { withFileTypes: true });
  } catch (error) {
    errors.push(`Cannot read \`${join(folder, prefix)}\`: ${describeFsError(error)}`);
    return [];
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return entries.flatMap((entry) => {
    const relativePath = prefix === '' ? entry.name : `${prefix}/${entry.name}`;
    // Symbolic links to folders are not followed: they can make cycles.
    if (entry.isDirectory()) {
      return skipFolder(entry.name) ? [] : walk(folder, keep, errors, relativePath);
    }
    const isFile =
      entry.isFile() ||
      (entry.isSymbolicLink() &&
        statSync(join(folder, relativePath), { throwIfNoEntry: false })?.isFile() === true);
    return isFile && keep(relativePath) ? [relativePath] : [];
  });
}

function statOf(path: string) {
  try {
    return statSync(path, { throwIfNoEntry: false });
  } catch {
    return undefined;
  }
}

/** The files that the command line's arguments name, each once, in the order named. */
export function discoverFiles(args: readonly string[], cwd: string): Discovery {
  const files: DiscoveredFile[] = [];
  const errors: string[] = [];
  const seen = new Set<string>();
  const add = (path: string) => {
    const absolutePath = resolve(cwd, path);
    if (seen.has(absolutePath)) return;
    seen.add(absolutePath);
    files.push({ path, absolutePath });
  };
  for (const arg of args) {
    const stat = statOf(resolve(cwd, arg));
    if (stat?.isFile()) {
      add(arg);
    } else if (stat?.isDirectory()) {
      const found = walk(resolve(cwd, arg), (path) => MARKDOWN.test(path), errors);
      for (const path of found) add(join(arg, ...path.split('/')));
    } else {
      const pattern = sep === '\\' ? arg.replace(/\\/g, '/') : arg;
      const scan = picomatch.scan(pattern);
      if (!scan.isGlob) {
        errors.push(`Cannot read \`${arg}\`: no such file or directory`);
        continue;
      }
      const base = scan.base === '' ? '.' : scan.base;
      const matches = picomatch(scan.glob, { windows: false });
      const found = statOf(resolve(cwd, base))?.isDirectory()
        ? walk(resolve(cwd, base), matches, errors)
        : [];
      if (found.length === 0) errors.push(`No files match \`${arg}\``);
      for (const path of found) add(join(base, ...path.split('/')));
    }
  }
  return { files, errors };
}
