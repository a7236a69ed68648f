/**
 * Configuration files on the web, where the server has no file system: the client reads every
 * `.postmortemrc.json` of the workspace and what they extend through `workspace.fs` and hands
 * them over (`postmortem/configFiles`); the server resolves them from there. Locations are
 * URIs; a configuration file above the workspace folders is not seen.
 */
import { URI, Utils } from 'vscode-uri';
import type { ConfigSource, ResolvedConfig } from '../../engine';
import { CONFIG_FILE_NAME, loadConfig } from '../../engine';
import type { ConfigFilesParams } from '../../protocol';
import type { ConfigFiles } from '../host';
import { locateByUri, MISSING_FILE } from './config-uris';

/** How long the server waits for the client's files before checking with the defaults (ms). */
const HAND_OVER_WAIT_MS = 5000;

/** Whether a handed-over value is a file's text or why it could not be read. */
function isSource(value: unknown): value is ConfigSource {
  const source = value as Record<string, unknown> | null;
  return (
    typeof source?.fileName === 'string' &&
    (typeof source.text === 'string' || typeof source.error === 'string')
  );
}

/** The server's side: the files handed over, in the shape `startServer` takes. */
export class HandedConfigFiles implements ConfigFiles {
  private files = new Map<string, ConfigSource>();
  private readonly handedOver: Promise<void>;
  private settle!: () => void;
  private readonly timer: ReturnType<typeof setTimeout>;

  /** Until the client hands files over (or `waitMs` passed), documents wait for them. */
  constructor(waitMs = HAND_OVER_WAIT_MS) {
    this.handedOver = new Promise((resolve) => {
      this.settle = resolve;
    });
    this.timer = setTimeout(() => this.settle(), waitMs);
  }

  ready(): Promise<void> {
    return this.handedOver;
  }

  handOver({ files }: ConfigFilesParams): void {
    this.files = new Map(
      (Array.isArray(files) ? files : [])
        .filter(isSource)
        .map((source) => [this.normal(source.fileName), source]),
    );
    clearTimeout(this.timer);
    this.settle();
  }

  locate(uri: string): string | null {
    const parsed = URI.parse(uri);
    return parsed.scheme === 'untitled' ? null : parsed.toString();
  }

  uriOf(location: string): string {
    return location;
  }

  folderOf(location: string): string {
    return Utils.dirname(URI.parse(location)).toString();
  }

  /** A location holding a handed file is a folder; any other has no file of its own to find. */
  isFolder(location: string): boolean {
    const prefix = location.endsWith('/') ? location : `${location}/`;
    return [...this.files.keys()].some((file) => file.startsWith(prefix));
  }

  nearest(folder: string): string | null {
    let current = URI.parse(folder);
    for (;;) {
      const candidate = Utils.joinPath(current, CONFIG_FILE_NAME).toString();
      if (this.exists(candidate)) return candidate;
      const parent = Utils.dirname(current);
      if (parent.path === current.path) return null;
      current = parent;
    }
  }

  exists(file: string): boolean {
    const source = this.files.get(file);
    return source !== undefined && 'text' in source;
  }

  load(file: string, openText: (file: string) => string | undefined): ResolvedConfig {
    const read = (fileName: string): ConfigSource => {
      const text = openText(fileName);
      if (text !== undefined) return { fileName, text };
      return this.files.get(fileName) ?? { fileName, error: MISSING_FILE };
    };
    return loadConfig(file, read, locateByUri);
  }

  private normal(uri: string): string {
    return URI.parse(uri).toString();
  }
}
