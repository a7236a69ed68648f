/**
 * The reports of the workspace on disk, for the language server's index: a folder's Markdown
 * files found as `postmortem-lint <folder>` finds them, each read bounded (a regular file of at
 * most the size the engine checks in full, text without NUL characters), never followed
 * through a link.
 */
import { dirname } from 'node:path';
import { decodeUtf8, GUARD_LIMITS, isBinaryText } from '../engine';
import type { WorkspaceFiles, WorkspaceFileText } from '../lsp/host';
import { describeFsError } from './config-files';
import { discoverFiles, isFoundIn } from './discover';
import { readSmallFile } from './small-files';

/** A report larger than this is not indexed: open it to check it. */
export const MAX_INDEXED_BYTES = GUARD_LIMITS.bytes;

function read(path: string): WorkspaceFileText | null {
  let bytes: Buffer | string;
  try {
    bytes = readSmallFile(path, MAX_INDEXED_BYTES);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    return { skipped: describeFsError(error) };
  }
  if (typeof bytes === 'string') return { skipped: bytes };
  const { text } = decodeUtf8(bytes);
  if (isBinaryText(text)) return { skipped: 'it holds NUL characters (a binary file, or UTF-16)' };
  return { text };
}

/** The workspace's files on disk, in the shape `startServer` takes (`lsp/host.ts`). */
export const diskWorkspaceFiles: WorkspaceFiles = {
  list: (folder, extensionsFor) =>
    discoverFiles([folder], folder, {
      useIgnoreFiles: true,
      extensionsFor,
      opened: folder,
    }).files.map((file) => file.absolutePath),
  includes: (folder, path, extensionsFor) => isFoundIn(folder, path, extensionsFor(dirname(path))),
  read,
};
