/**
 * Which files the command line names (SPEC §5): files as given (whatever their extension,
 * always linted), Markdown files below folders, files matching globs, minus `!pattern`
 * exclusions and, unless `--no-ignore`, what `.gitignore` and `.postmortemignore` files say.
 * Folders named `node_modules` or starting with a dot are not searched. Symbolic links are not
 * followed in folders and globs, to files or folders (they can lead out of the tree, or make
 * cycles): they are listed as skipped. A link named on the command line is linted. The
 * language server's workspace index finds the reports of a folder the same way.
 */
import { existsSync, lstatSync, readdirSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import ignore from 'ignore';
import type { Ignore } from 'ignore';
import picomatch from 'picomatch';
import { globSync, isDynamicPattern } from 'tinyglobby';
import { hasMarkdownExtension } from '../engine';
import { foldersUpward } from './repository';
import { readSmallFile } from './small-files';

/** A file to lint: how to show it (as given, or joined to the folder given) and where it is. */
export interface DiscoveredFile {
  path: string;
  absolutePath: string;
  /** Named on the command line itself: linted whatever it holds, never ignored. */
  explicit: boolean;
}

export interface Discovery {
  files: DiscoveredFile[];
  /** Arguments that name nothing (folders that cannot be read are skipped): one message each. */
  errors: string[];
  /** Symbolic links that folders and globs would have taken, as the files are shown. */
  skippedLinks: string[];
}

export interface DiscoveryOptions {
  /** Read `.gitignore` and `.postmortemignore` files (not with `--no-ignore`). */
  useIgnoreFiles: boolean;
  /** Extensions beside `.md` and `.markdown` that the files of a folder may have. */
  extensionsFor(folder: string): readonly string[];
  /**
   * A folder opened on purpose (the language server's workspace folder): searched even where
   * an ignore file above it ignores it whole (that file is not read for it; the others are).
   */
  opened?: string;
}

/** How large an ignore file may be; a larger one ignores nothing. */
const MAX_IGNORE_FILE_BYTES = 1024 * 1024;

/** Ignore files read, in the order they apply within one folder. */
const IGNORE_FILES = ['.gitignore', '.postmortemignore'] as const;

const SKIPPED = ['**/node_modules/**'];

/** Whether a relative path leads below its folder (not to it, not out of it). */
const isInside = (fromFolder: string): boolean =>
  fromFolder !== '' &&
  !isAbsolute(fromFolder) &&
  fromFolder !== '..' &&
  !fromFolder.startsWith(`..${sep}`);

const slashes = (path: string): string => (sep === '\\' ? path.replace(/\\/g, '/') : path);

/**
 * The ignore files that apply to a file: those of its folder and every folder above it, up
 * to and including the repository's root (the folder holding `.git`), or the file system's.
 */
class IgnoreFiles {
  private readonly folders = new Map<string, Ignore | null>();

  private of(folder: string): Ignore | null {
    let rules = this.folders.get(folder);
    if (rules === undefined) {
      rules = null;
      for (const name of IGNORE_FILES) {
        const file = join(folder, name);
        if (!existsSync(file)) continue;
        try {
          const bytes = readSmallFile(file, MAX_IGNORE_FILE_BYTES);
          // An ignore file that cannot be read (a FIFO, say, or too large) ignores nothing.
          if (typeof bytes !== 'string') rules = (rules ?? ignore()).add(bytes.toString('utf8'));
        } catch {
          // Nor does one that is gone or may not be read.
        }
      }
      this.folders.set(folder, rules);
    }
    return rules;
  }

  /**
   * Whether `absolutePath` is ignored by one of the folders above it; an ignore file above
   * `opened` that ignores that folder whole is not read.
   */
  ignores(absolutePath: string, opened?: string): boolean {
    for (const folder of foldersUpward(dirname(absolutePath))) {
      const rules = this.of(folder);
      if (!rules) continue;
      const toOpened = opened === undefined ? '' : relative(folder, opened);
      if (isInside(toOpened) && rules.ignores(`${slashes(toOpened)}/`)) continue;
      if (rules.ignores(slashes(relative(folder, absolutePath)))) return true;
    }
    return false;
  }
}

function statOf(path: string) {
  try {
    return statSync(path, { throwIfNoEntry: false });
  } catch {
    return undefined;
  }
}

/** Files (relative to `cwd`, with `/`) that `pattern` matches below `cwd`, sorted. */
function glob(pattern: string, cwd: string): string[] {
  return globSync(pattern, {
    cwd,
    dot: false,
    ignore: SKIPPED,
    followSymbolicLinks: false,
    expandDirectories: false,
  }).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/**
 * The symbolic links in `cwd` and the folders a search of it enters (relative, with `/`) that
 * `takes` would take, sorted; links are not followed, only listed.
 */
function linksIn(
  cwd: string,
  takes: (path: string, entry: { isLinkToFolder(): boolean }) => boolean,
): string[] {
  const folders = [
    '',
    ...globSync('**/*', {
      cwd,
      dot: false,
      ignore: SKIPPED,
      followSymbolicLinks: false,
      expandDirectories: false,
      onlyDirectories: true,
    }),
  ];
  return folders
    .flatMap((folder) => {
      let entries;
      try {
        entries = readdirSync(join(cwd, folder), { withFileTypes: true });
      } catch {
        return [];
      }
      return entries.flatMap((entry) => {
        if (!entry.isSymbolicLink() || entry.name.startsWith('.')) return [];
        const path = `${folder}${entry.name}`;
        const isLinkToFolder = () => statOf(join(cwd, path))?.isDirectory() ?? false;
        return takes(path, { isLinkToFolder }) ? [path] : [];
      });
    })
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/** The files that the command line's arguments name, each once, in the order named. */
export function discoverFiles(
  args: readonly string[],
  cwd: string,
  options: DiscoveryOptions = { useIgnoreFiles: true, extensionsFor: () => [] },
): Discovery {
  const files: DiscoveredFile[] = [];
  const errors: string[] = [];
  const skippedLinks: string[] = [];
  const seen = new Set<string>();
  const exclusions = args.filter((arg) => arg.startsWith('!') && arg.length > 1);
  const excluded = exclusions.length
    ? picomatch(
        exclusions.map((arg) => slashes(arg.slice(1)).replace(/^\.\//, '')),
        { dot: true },
      )
    : () => false;
  const ignoreFiles = options.useIgnoreFiles ? new IgnoreFiles() : null;
  /** Whether a path found in a folder or by a glob is left out by `!` or an ignore file. */
  const leftOut = (absolutePath: string) => {
    const fromCwd = slashes(relative(cwd, absolutePath));
    if (excluded(fromCwd) || excluded(slashes(absolutePath))) return true;
    return ignoreFiles?.ignores(absolutePath, options.opened) ?? false;
  };
  const add = (path: string, explicit: boolean) => {
    const absolutePath = resolve(cwd, path);
    if (seen.has(absolutePath)) return;
    if (!explicit && leftOut(absolutePath)) return;
    seen.add(absolutePath);
    files.push({ path, absolutePath, explicit });
  };
  /** Lists the links of `folder` (shown as `shownAs`) that `takes` takes and nothing leaves out. */
  const skipLinks = (folder: string, shownAs: string, takes: Parameters<typeof linksIn>[1]) => {
    for (const path of linksIn(folder, takes)) {
      if (!leftOut(join(folder, path))) skippedLinks.push(join(shownAs, ...path.split('/')));
    }
  };
  for (const arg of args) {
    if (exclusions.includes(arg)) continue;
    const absolute = resolve(cwd, arg);
    const stat = statOf(absolute);
    if (stat?.isFile()) {
      add(arg, true);
    } else if (stat?.isDirectory()) {
      const markdown = (path: string) =>
        hasMarkdownExtension(path) ||
        hasMarkdownExtension(path, options.extensionsFor(dirname(join(absolute, path))));
      for (const path of glob('**/*', absolute)) {
        if (markdown(path)) add(join(arg, ...path.split('/')), false);
      }
      skipLinks(absolute, arg, (path, entry) => markdown(path) || entry.isLinkToFolder());
    } else if (stat) {
      // A FIFO or a device: reading it could wait forever, or never end.
      errors.push(`Cannot read \`${arg}\`: not a regular file`);
    } else if (isDynamicPattern(slashes(arg))) {
      // Searched from the glob's fixed part, and shown joined to it, as a folder is.
      const scan = picomatch.scan(slashes(arg));
      const base = scan.base === '' ? '.' : scan.base;
      const found = statOf(resolve(cwd, base))?.isDirectory()
        ? glob(scan.glob, resolve(cwd, base))
        : [];
      if (statOf(resolve(cwd, base))?.isDirectory()) {
        const matches = picomatch(scan.glob, { dot: false });
        skipLinks(resolve(cwd, base), base, (path) => matches(path));
      }
      if (found.length === 0) errors.push(`No files match \`${arg}\``);
      for (const path of found) add(join(base, ...path.split('/')), false);
    } else {
      errors.push(`Cannot read \`${arg}\`: no such file or directory`);
    }
  }
  return { files, errors, skippedLinks };
}

/**
 * Whether searching the opened `folder` (ignore files read) finds the file at `absolutePath`,
 * as `discoverFiles([folder], folder, { opened: folder })` would: a Markdown file (or of one of
 * its folder's `extensions`) inside it, in no folder that is not searched, not a link, not
 * ignored.
 */
export function isFoundIn(
  folder: string,
  absolutePath: string,
  extensions: readonly string[],
): boolean {
  const fromFolder = relative(folder, absolutePath);
  if (!isInside(fromFolder)) return false;
  const segments = fromFolder.split(sep);
  if (segments.some((segment) => segment.startsWith('.') || segment === 'node_modules'))
    return false;
  if (!hasMarkdownExtension(absolutePath) && !hasMarkdownExtension(absolutePath, extensions))
    return false;
  try {
    if (!lstatSync(absolutePath).isFile()) return false;
  } catch {
    return false;
  }
  return !new IgnoreFiles().ignores(absolutePath, folder);
}
