/**
 * The folders above a file that belong to it: from its folder upward to the repository's root
 * (the folder holding `.git`, a folder or a worktree's file), or the file system's root. Ignore
 * files and configuration files are looked for there, and nowhere else.
 */
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

/** How many folders a walk upward visits at most: deeper trees stop being searched there. */
export const MAX_FOLDER_DEPTH = 256;

/** `folder` and the folders above it, nearest first, up to and including the repository's root. */
export function* foldersUpward(folder: string): Generator<string> {
  let current = resolve(folder);
  for (let depth = 0; depth < MAX_FOLDER_DEPTH; depth++) {
    yield current;
    const parent = dirname(current);
    if (parent === current || existsSync(join(current, '.git'))) return;
    current = parent;
  }
}

/** The repository's root at or above `folder` (the folder holding `.git`), or null outside one. */
export function repositoryRoot(folder: string): string | null {
  let last: string | null = null;
  for (const current of foldersUpward(folder)) last = current;
  return last !== null && existsSync(join(last, '.git')) ? last : null;
}
