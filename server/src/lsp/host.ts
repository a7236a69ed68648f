/**
 * What the language server needs of the platform it runs on, handed to `startServer` by its
 * entry: a Node process (`server/src/server.ts`, configuration files read from disk) or a web
 * worker (`server/src/browser-server.ts`, configuration files handed over by the client).
 * Nothing else in `lsp/` uses Node or browser APIs.
 */
import type { ResolvedConfig } from '../engine';
import type { ConfigFilesParams } from '../protocol';

/**
 * Configuration files and the places documents are at. A location is what globs and
 * configuration files are read against: a path on disk for the Node server, the URI itself on
 * the web.
 */
export interface ConfigFiles {
  /** Settles once files can be read (on the web, when the client has handed them over). */
  ready(): Promise<void>;
  /** A document's or folder's location; null where it has none (an untitled document). */
  locate(uri: string): string | null;
  /** The URI to publish a location's diagnostics on. */
  uriOf(location: string): string;
  /** The folder holding a location. */
  folderOf(location: string): string;
  /** Whether a location is a folder. */
  isFolder(location: string): boolean;
  /** The nearest configuration file from `folder` upward, or null when there is none. */
  nearest(folder: string): string | null;
  /** Whether a configuration file is still there. */
  exists(file: string): boolean;
  /**
   * Reads and resolves a configuration file and what it extends; `openText` gives the text of
   * a file an editor holds open, which wins over the stored one.
   */
  load(file: string, openText: (file: string) => string | undefined): ResolvedConfig;
  /** Takes the files the client handed over (`postmortem/configFiles`); absent where it reads them itself. */
  handOver?(params: ConfigFilesParams): void;
}

/** A workspace file read for the index: its text, or why it is not read. */
export type WorkspaceFileText = { text: string } | { skipped: string };

/**
 * The reports on disk below the workspace folders, for the workspace index: found as the
 * CLI finds the Markdown files of a folder (ignore files, folders it does not search).
 */
export interface WorkspaceFiles {
  /** The Markdown files below a folder, as locations; `extensionsFor` adds a folder's extensions. */
  list(folder: string, extensionsFor: (folder: string) => readonly string[]): string[];
  /** Whether the CLI would find `location` searching `folder` (extension, ignore files). */
  includes(
    folder: string,
    location: string,
    extensionsFor: (folder: string) => readonly string[],
  ): boolean;
  /** A file's text, or why it is not read (too large, not a regular file, binary); null when it is gone. */
  read(location: string): WorkspaceFileText | null;
}

export interface ServerHost {
  configFiles: ConfigFiles;
  /** The workspace's files on disk; null where there is no file system (the web). */
  workspaceFiles: WorkspaceFiles | null;
  /** A full garbage collection where the platform offers one (`node/full-collection.ts`), else null. */
  collect: (() => void) | null;
  /** The V8 flags the process set on itself at start (`node/v8-flags.ts`), logged once initialized. */
  v8Flags: readonly string[];
  /** Has `report` called with errors nothing else caught: a timer's, a dropped promise's. */
  catchUncaught(report: (kind: string, error: unknown) => void): void;
}
