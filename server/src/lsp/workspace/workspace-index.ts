/**
 * The workspace index: every post-mortem below the workspace folders, open or not, as a light
 * entry (`indexed-report.ts`). Files on disk are found as the CLI finds a folder's reports and
 * read in the background (`background-queue.ts`); afterwards only what changes is read again:
 * a file the editor says changed on disk, a report edited in an editor (from the analysis
 * made for it anyway), one closed (back to the disk's text). Configuration, settings and
 * ignore files changing read every folder again. Without a file system (the web) the index
 * holds the open reports of the workspace folders.
 */
import type { Connection, Diagnostic } from 'vscode-languageserver';
import {
  analyze,
  createSession,
  isPostmortem,
  matchesFileGlobs,
  mayBePostmortem,
} from '../../engine';
import type { IncidentsResult } from '../../protocol';
import { INCIDENTS_CHANGED_NOTIFICATION } from '../../protocol';
import type { ConfigFiles, WorkspaceFiles } from '../host';
import type { Analyzed, DocumentConfiguration } from '../session/analyzed';
import { postmortemGlobs } from '../session/applicability';
import { PositionMapper } from '../session/positions';
import { BackgroundQueue } from './background-queue';
import type { IndexedReport } from './indexed-report';
import { indexedReport } from './indexed-report';

/** Quiet time (ms) after a change of the index before the client is told. */
export const INCIDENTS_CHANGED_DEBOUNCE_MS = 250;

/** Ignore files: when one changes, which files are found may change anywhere below it. */
export const IGNORE_FILE_NAMES: readonly string[] = ['.gitignore', '.postmortemignore'];

/** What the index reads reports with. */
export interface IndexSources {
  connection: Connection;
  /** The files on disk; null on the web. */
  files: WorkspaceFiles | null;
  configFiles: Pick<ConfigFiles, 'locate' | 'uriOf' | 'folderOf'>;
  /** The workspace folders' locations. */
  folders(): string[];
  /** A report's configuration; `settingsScope` is the URI whose settings apply. */
  configure(uri: string, settingsScope: string): Promise<DocumentConfiguration>;
  /** The extensions beside `.md` and `.markdown` that a folder's reports may have. */
  extensionsFor(folder: string): readonly string[];
  /** The location of every open Markdown document. */
  openLocations(): Iterable<string>;
  /** Whether the editor's documents are being typed in or checked: they come first. */
  editorBusy(): boolean;
  /** Told the size of every text analysed, to give memory back after the reading. */
  analysedChars(chars: number): void;
}

const lastSegment = (location: string): string =>
  location.slice(Math.max(location.lastIndexOf('/'), location.lastIndexOf('\\')) + 1);

/** Whether `location` is `folder` itself or below it (paths on disk, URIs on the web). */
function isWithin(folder: string, location: string): boolean {
  if (location === folder) return true;
  const base = /[/\\]$/.test(folder) ? folder : `${folder}/`;
  return location.startsWith(base) || location.startsWith(base.replace(/\/$/, '\\'));
}

export class WorkspaceIndex {
  /** Reports by location. */
  private readonly reports = new Map<string, IndexedReport>();
  private readonly queue: BackgroundQueue;
  private lastResultId = 0;
  /** Whether the folders are read (`start`): before that the index is still being made. */
  private started = false;
  private notifyTimer: ReturnType<typeof setTimeout> | undefined;
  /** Whether the diagnostics of reports not open are pushed (after "Check All" without pull). */
  private pushing = false;

  constructor(private readonly sources: IndexSources) {
    this.queue = new BackgroundQueue(
      (location) => this.readFromDisk(location),
      (location, error) => this.logError(`Indexing ${location}`, error),
      () => this.changed(),
      () => this.sources.editorBusy(),
    );
  }

  /** True until the folders have been read once, and while files wait to be read. */
  get indexing(): boolean {
    return (!this.started && this.sources.files !== null) || this.queue.busy;
  }

  /** Every report, sorted by URI. */
  list(): IncidentsResult {
    const incidents = [...this.reports.values()]
      .map((report) => ({ ...report.summary, uri: report.uri }))
      .sort((a, b) => (a.uri < b.uri ? -1 : a.uri > b.uri ? 1 : 0));
    return { incidents, indexing: this.indexing };
  }

  /** The reports read from disk (not open), with their diagnostics. */
  closedReports(): (IndexedReport & { diagnostics: Diagnostic[] })[] {
    return [...this.reports.values()].filter(
      (report): report is IndexedReport & { diagnostics: Diagnostic[] } =>
        report.diagnostics !== null,
    );
  }

  /** The entry of the report at `uri`, by its location. */
  find(uri: string): IndexedReport | undefined {
    const location = this.sources.configFiles.locate(uri);
    return location === null ? undefined : this.reports.get(location);
  }

  /** Settles once every file waiting to be read has been. */
  async idle(): Promise<void> {
    await this.queue.idle();
  }

  /** Reads the workspace folders for the first time. */
  start(): void {
    this.started = true;
    this.rescan();
  }

  /**
   * Reads every workspace folder again (once started): when configuration, settings, ignore
   * files or the folders change. Reports no longer found are dropped at once; the others are
   * read again in the background.
   */
  rescan(): void {
    const { files, folders, extensionsFor } = this.sources;
    if (!files || !this.started) return;
    const found = new Set<string>();
    for (const folder of folders()) {
      for (const location of files.list(folder, (at) => extensionsFor(at))) found.add(location);
    }
    for (const [location, report] of this.reports) {
      if (!report.open && !found.has(location)) this.remove(location);
    }
    this.queue.add(found);
    this.changed();
  }

  /** A file changed on disk (`workspace/didChangeWatchedFiles`): created, changed or deleted. */
  fileChanged(uri: string, deleted: boolean): void {
    const location = this.sources.configFiles.locate(uri);
    const { files } = this.sources;
    if (location === null || !files) return;
    if (IGNORE_FILE_NAMES.includes(lastSegment(location))) {
      this.rescan();
      return;
    }
    if (deleted) {
      // A folder deleted takes its reports with it.
      for (const [indexed, report] of this.reports) {
        if (!report.open && isWithin(location, indexed)) this.remove(indexed);
      }
      return;
    }
    const folder = this.folderOf(location);
    const extensionsFor = (at: string) => this.sources.extensionsFor(at);
    if (folder !== null && files.includes(folder, location, extensionsFor)) {
      this.queue.add([location]);
    } else if (this.reports.get(location)?.open === false) {
      this.remove(location);
    }
  }

  /** An open document was analysed: its entry now stands for the editor's text. */
  analysed(analyzed: Analyzed): void {
    const location = this.sources.configFiles.locate(analyzed.uri);
    if (location === null || this.folderOf(location) === null) return;
    const { analysis } = analyzed;
    if (!analysis || !analyzed.isPostmortem) {
      if (this.reports.get(location)?.open) this.remove(location);
      return;
    }
    this.set(
      location,
      indexedReport(analyzed.uri, analysis, analyzed.config, analyzed.positions, true),
    );
  }

  /** A document was closed: its entry is the disk's again, or goes where there is no disk. */
  closed(uri: string): void {
    const location = this.sources.configFiles.locate(uri);
    if (location === null || !this.reports.get(location)?.open) return;
    if (this.sources.files) this.queue.add([location]);
    else this.remove(location);
  }

  /**
   * Pushes the diagnostics of every report not open, and keeps them current from now on:
   * "Check All Post-Mortems" for a client that does not pull diagnostics.
   */
  publishAll(): void {
    this.pushing = true;
    for (const report of this.closedReports()) this.push(report.uri, report.diagnostics);
  }

  /** The workspace folder holding `location`, or null outside every folder. */
  private folderOf(location: string): string | null {
    return this.sources.folders().find((folder) => isWithin(folder, location)) ?? null;
  }

  private isOpen(location: string): boolean {
    for (const open of this.sources.openLocations()) if (open === location) return true;
    return false;
  }

  /** Reads, checks and keeps (or drops) the report at `location` on disk. */
  private async readFromDisk(location: string): Promise<void> {
    const { files, configFiles } = this.sources;
    const folder = this.folderOf(location);
    if (!files || this.isOpen(location)) return;
    if (folder === null) {
      this.remove(location);
      return;
    }
    const read = files.read(location);
    if (read === null || 'skipped' in read) {
      if (read) this.sources.connection.console.info(`Not indexed: ${location}: ${read.skipped}`);
      this.remove(location);
      return;
    }
    const uri = configFiles.uriOf(location);
    const configuration = await this.sources.configure(uri, configFiles.uriOf(folder));
    // Opened while its configuration was read: the editor's text stands for it.
    if (this.isOpen(location)) return;
    const globs = postmortemGlobs(configuration, this.sources.folders());
    const byPath = globs.some(({ globs, folders }) => matchesFileGlobs(location, globs, folders));
    // Most Markdown files (READMEs, docs) are not post-mortems: told so without parsing them.
    if (!byPath && !mayBePostmortem(read.text)) {
      this.remove(location);
      return;
    }
    this.sources.analysedChars(read.text.length);
    const analysis = analyze(read.text, configuration.config, createSession());
    if (!isPostmortem(location, analysis.model, globs)) {
      this.remove(location);
      return;
    }
    const positions = new PositionMapper(analysis.model.lines, analysis.bomLength);
    this.set(location, indexedReport(uri, analysis, configuration.config, positions, false));
  }

  private set(location: string, report: Omit<IndexedReport, 'resultId'>): void {
    const previous = this.reports.get(location);
    // An editor's edit that changes nothing the index shows is not news.
    if (
      previous?.open &&
      report.open &&
      previous.uri === report.uri &&
      JSON.stringify(previous.summary) === JSON.stringify(report.summary)
    ) {
      return;
    }
    const entry = { ...report, resultId: String(++this.lastResultId) };
    this.reports.set(location, entry);
    if (entry.diagnostics) this.push(entry.uri, entry.diagnostics);
    this.changed();
  }

  private remove(location: string): void {
    const report = this.reports.get(location);
    if (!report) return;
    this.reports.delete(location);
    if (report.diagnostics) this.push(report.uri, []);
    this.changed();
  }

  private push(uri: string, diagnostics: Diagnostic[]): void {
    if (this.pushing) void this.sources.connection.sendDiagnostics({ uri, diagnostics });
  }

  /** Tells the client, once changes pause, that the index changed. */
  private changed(): void {
    clearTimeout(this.notifyTimer);
    this.notifyTimer = setTimeout(() => {
      void this.sources.connection.sendNotification(INCIDENTS_CHANGED_NOTIFICATION);
    }, INCIDENTS_CHANGED_DEBOUNCE_MS);
  }

  private logError(what: string, error: unknown): void {
    const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
    this.sources.connection.console.error(`${what} failed: ${detail}`);
  }
}
