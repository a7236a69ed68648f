/**
 * On the web the server has no file system: the client reads the workspace's
 * `.postmortemrc.json` files, and every file they extend, through `workspace.fs` (which reads
 * virtual file systems too: a GitHub repository on github.dev) and hands them to the server
 * once it runs, and again whenever one changes.
 */
import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { State } from 'vscode-languageclient';
import type { ConfigSource } from '../../server/src/protocol';
import {
  CONFIG_FILES_NOTIFICATION,
  MAX_CONFIG_FILES,
  MISSING_FILE,
} from '../../server/src/protocol';
import { gatherConfigFiles } from './config-files';
import { CONFIG_FILE_GLOB } from './constants';

/** Quiet time (ms) after a configuration file changed before reading them again. */
const CHANGE_PAUSE_MS = 300;

/** A file's text, or why it could not be read. */
async function readText(uri: string): Promise<ConfigSource> {
  try {
    const bytes = await vscode.workspace.fs.readFile(vscode.Uri.parse(uri, true));
    return { fileName: uri, text: new TextDecoder().decode(bytes) };
  } catch (error) {
    const missing = error instanceof vscode.FileSystemError && error.code === 'FileNotFound';
    return {
      fileName: uri,
      error: missing ? MISSING_FILE : error instanceof Error ? error.message : String(error),
    };
  }
}

/** Hands the configuration files over at every start of the server and after each change. */
export function handOverConfigFiles(client: BaseLanguageClient): vscode.Disposable {
  const send = async (): Promise<void> => {
    if (client.state !== State.Running) return;
    const found = await vscode.workspace.findFiles(CONFIG_FILE_GLOB, undefined, MAX_CONFIG_FILES);
    const roots = found.map((uri) => client.code2ProtocolConverter.asUri(uri));
    const files = await gatherConfigFiles(roots, readText);
    if (client.state === State.Running) {
      await client.sendNotification(CONFIG_FILES_NOTIFICATION, { files });
    }
  };
  const sendLogged = (): void => {
    send().catch((error: unknown) => client.error('Reading the configuration files failed', error));
  };
  let timer: ReturnType<typeof setTimeout> | undefined;
  const changed = (): void => {
    clearTimeout(timer);
    timer = setTimeout(sendLogged, CHANGE_PAUSE_MS);
  };
  const watcher = vscode.workspace.createFileSystemWatcher(CONFIG_FILE_GLOB);
  return vscode.Disposable.from(
    watcher,
    watcher.onDidCreate(changed),
    watcher.onDidChange(changed),
    watcher.onDidDelete(changed),
    vscode.workspace.onDidChangeWorkspaceFolders(changed),
    client.onDidChangeState(({ newState }) => {
      if (newState === State.Running) sendLogged();
    }),
    { dispose: () => clearTimeout(timer) },
  );
}
