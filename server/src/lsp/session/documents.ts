/**
 * Open documents and their analyses: which version was analysed under which configuration.
 * The documents kept (`retention.ts`) keep their analysis and an engine `Session`, so an edit
 * re-analyses only what it changed; the others are analysed again when a request needs them.
 * What is published, and when, is the publisher's (`publisher.ts`).
 */
import type { Connection, TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Session } from '../../engine';
import type { Analyzed, AnalyzedDocument, DocumentConfiguration } from './analyzed';
import {
  LineIndex,
  analyze,
  createSession,
  defaultConfig,
  isPostmortem,
  stripBom,
} from '../../engine';
import { isMarkdown, postmortemGlobs } from './applicability';
import type { IdleCollector } from './idle-collector';
import { PositionMapper } from './positions';
import { Publisher } from './publisher';
import { Retention } from './retention';
import { coerceSettings } from './settings';

interface CacheEntry {
  /** The version asked for; once analysed, the version analysed. */
  version: number;
  generation: number;
  /** Not analysed yet: the analysis will be of the newest version when it runs. */
  pending: boolean;
  result: Promise<Analyzed | undefined>;
}

/** Turns of the event loop without an edit after which a document's version is the newest. */
const SETTLED_TURNS = 2;
const MAX_TURNS = 256;

/** The shortest quiet time after an edit: about one keystroke's gap in quick typing. */
const MIN_DEBOUNCE_MS = 50;

/** How long documents not on screen wait to be checked again after a configuration change. */
const BACKGROUND_RECHECK_MS = 1000;

/** Tuning of `DocumentAnalyses`. */
export interface AnalysesOptions {
  /**
   * Quiet time (ms) after an edit before re-analysing and publishing, at most. Default 200; a
   * document whose edits analyse faster waits as long as the last took, at least
   * `MIN_DEBOUNCE_MS`, so that its diagnostics follow typing sooner.
   */
  debounceMs?: number;
  /**
   * How many of the documents asked about or edited last keep their analysis and session
   * (besides the one opened last). Default 8.
   */
  retained?: number;
  /**
   * How many characters the texts of those documents hold together, at most; the one used last
   * is kept whatever its length. Default 1,000,000: eight reports of 50 KB, or one of 5,000
   * timeline rows.
   */
  retainedCharacters?: number;
  /** Told the size of every text analysed, to give memory back after bursts. */
  collector?: IdleCollector;
  /** Whether diagnostics are pushed (true unless the client pulls them). */
  pushDiagnostics?: boolean;
  /** Where they are pulled: asks the client to pull again after a check. */
  refreshPulled?: () => void;
  /** Told of every analysis made (the workspace index keeps what open reports amount to). */
  onAnalysed?: (analyzed: Analyzed) => void;
}

/**
 * Analyses open Markdown documents on demand and after edits, and publishes the results.
 * A request for a version not analysed yet analyses it at once, whatever the debounce.
 */
export class DocumentAnalyses {
  /** Analyses of the documents kept (and of any still being made). */
  private readonly cache = new Map<string, CacheEntry>();
  /** Analyzers of the documents kept. */
  private readonly sessions = new Map<string, Session>();
  private readonly retention: Retention;
  private readonly publisher: Publisher;
  /** Bumped whenever settings or configuration files change: cached analyses are stale. */
  private generation = 0;
  private readonly collector: IdleCollector | undefined;
  private readonly onAnalysed: ((analyzed: Analyzed) => void) | undefined;
  private readonly debounceMs: number;
  /**
   * How long (ms) the last analysis of an edit of each document took (re-using its session);
   * null for a document analysed only afresh (opened, say).
   */
  private readonly costs = new Map<string, number | null>();

  constructor(
    private readonly connection: Connection,
    private readonly documents: TextDocuments<TextDocument>,
    private readonly configure: (uri: string) => Promise<DocumentConfiguration>,
    private readonly workspaceFolders: () => string[],
    /** A document's location, which globs are matched against (`ConfigFiles.locate`). */
    private readonly locate: (uri: string) => string | null,
    {
      debounceMs = 200,
      retained = 8,
      retainedCharacters = 1_000_000,
      collector,
      onAnalysed,
      pushDiagnostics = true,
      refreshPulled,
    }: AnalysesOptions = {},
  ) {
    this.collector = collector;
    this.onAnalysed = onAnalysed;
    this.debounceMs = debounceMs;
    this.retention = new Retention(retained, retainedCharacters);
    this.publisher = new Publisher(
      connection,
      (uri) => this.quietTime(uri),
      (uri) => this.toPublish(uri),
      (what, error) => this.logError(what, error),
      pushDiagnostics,
      refreshPulled ?? null,
    );
  }

  /**
   * The analysis of a document's current version, for a request about it; undefined when it
   * is not open Markdown. The document counts as used.
   */
  get(uri: string): Promise<AnalyzedDocument | undefined> {
    const document = this.openMarkdown(uri);
    if (!document) return Promise.resolve(undefined);
    this.use(document);
    return this.analysisOf(document);
  }

  /** Whether a document is being typed in, waits for its check, or is being analysed. */
  get busy(): boolean {
    if (this.publisher.waiting) return true;
    for (const entry of this.cache.values()) if (entry.pending) return true;
    return false;
  }

  /**
   * The quiet time (ms) after an edit of `uri` before it is checked: as long as the analysis of
   * its last edit took, within `MIN_DEBOUNCE_MS` and the debounce; the whole debounce before
   * it is analysed at all. An analysis afresh (of an open) reads everything and says little of
   * what an edit costs: until an edit is analysed, the pause is the shortest, so that the
   * first one analysed tells.
   */
  quietTime(uri: string): number {
    const cost = this.costs.get(uri);
    if (cost === undefined) return this.debounceMs;
    return Math.min(this.debounceMs, Math.max(MIN_DEBOUNCE_MS, cost ?? 0));
  }

  /** A document was opened: it is checked at once. */
  opened(uri: string): void {
    if (!this.openMarkdown(uri)) return;
    for (const unused of this.retention.open(uri)) this.release(unused);
    this.publisher.schedule(uri, 0);
  }

  /** A document was edited: it counts as used, and is checked again after the typing pause. */
  edited(uri: string): void {
    const document = this.openMarkdown(uri);
    if (!document) return;
    this.use(document);
    this.publisher.schedule(uri);
  }

  private openMarkdown(uri: string): TextDocument | undefined {
    const document = this.documents.get(uri);
    return document && isMarkdown(document.languageId, uri) ? document : undefined;
  }

  private use(document: TextDocument): void {
    const unused = this.retention.use(document.uri, document.getText().length);
    for (const uri of unused) this.release(uri);
  }

  private analysisOf(document: TextDocument): Promise<Analyzed | undefined> {
    const { uri } = document;
    const cached = this.cache.get(uri);
    // A pending analysis reads the text when it runs: requests for the versions typed since it
    // was asked for share it, so work for replaced versions is never done.
    if (
      cached &&
      cached.generation === this.generation &&
      (cached.pending || cached.version === document.version)
    ) {
      return cached.result;
    }
    const generation = this.generation;
    const result = this.configure(uri)
      .catch((error: unknown): DocumentConfiguration => {
        // A configuration that cannot be resolved must not stop the report from being checked.
        this.logError(`Configuring ${uri}`, error);
        return { settings: coerceSettings(undefined), config: defaultConfig(), configFolder: null };
      })
      .then(async (configuration) => {
        // The text is read after configuration arrives and the edits already received are
        // applied, so the analysis is of the newest version.
        await this.editsApplied(uri);
        const current = this.documents.get(uri);
        if (!current) return undefined;
        const analyzed = this.analyze(current, configuration, generation);
        this.onAnalysed?.(analyzed);
        return analyzed;
      });
    this.cache.set(uri, { version: document.version, generation, pending: true, result });
    return result;
  }

  /**
   * Waits until the version of `uri` holds over `SETTLED_TURNS` turns of the event loop, in
   * which the connection reads the messages already sent (an editor sends an edit and its
   * requests in turn): work for versions already replaced is never started. At most
   * `MAX_TURNS` turns, so that a client typing without a pause is still answered.
   */
  private async editsApplied(uri: string): Promise<void> {
    let held = 0;
    for (let turn = 0; turn < MAX_TURNS && held < SETTLED_TURNS; turn++) {
      const version = this.documents.get(uri)?.version;
      await new Promise((resolve) => setTimeout(resolve, 0));
      held = this.documents.get(uri)?.version === version ? held + 1 : 0;
    }
  }

  /**
   * Marks every analysis stale (settings or configuration changed) and re-checks open
   * documents: those kept (used last, so likely on screen) at once, the others after
   * `BACKGROUND_RECHECK_MS`, so that the ones on screen are answered first.
   */
  invalidateAll(): void {
    this.generation++;
    for (const document of this.documents.all()) {
      if (!isMarkdown(document.languageId, document.uri)) continue;
      const kept = this.retention.keeps(document.uri);
      this.publisher.schedule(document.uri, kept ? 0 : BACKGROUND_RECHECK_MS);
    }
  }

  /** Forgets a closed document and clears its diagnostics. */
  forget(uri: string): void {
    this.costs.delete(uri);
    this.retention.delete(uri);
    this.release(uri);
    this.publisher.forget(uri);
  }

  /** Drops the analysis and session of a document not kept: the bulk of its memory. */
  private release(uri: string): void {
    this.cache.delete(uri);
    this.sessions.delete(uri);
  }

  /**
   * The analysis of a document's current version, to publish; undefined when the document is
   * gone or changed while it was analysed (the newer schedule publishes).
   */
  private async toPublish(uri: string): Promise<Analyzed | undefined> {
    const opened = this.openMarkdown(uri);
    if (!opened) return undefined;
    const analyzed = await this.analysisOf(opened);
    // Not kept (opened in the background, say): the analysis would only hold memory.
    if (!this.retention.keeps(uri)) this.release(uri);
    const document = this.documents.get(uri);
    return analyzed && document && analyzed.version === document.version ? analyzed : undefined;
  }

  private analyze(
    document: TextDocument,
    configuration: DocumentConfiguration,
    generation: number,
  ): Analyzed {
    const { settings, config } = configuration;
    const raw = document.getText();
    const base = { uri: document.uri, version: document.version, generation, settings, config };
    this.collector?.analysed(raw.length);
    const edit = this.sessions.has(document.uri);
    const start = performance.now();
    try {
      const analysis = analyze(raw, config, this.sessionOf(document.uri));
      const postmortem = isPostmortem(
        this.locate(document.uri),
        analysis.model,
        postmortemGlobs(configuration, this.workspaceFolders()),
      );
      return {
        ...base,
        positions: new PositionMapper(analysis.model.lines, analysis.bomLength),
        analysis,
        failure: null,
        isPostmortem: postmortem,
      };
    } catch (error) {
      // What the session kept from this text is suspect: the next version starts afresh.
      const { text, bomLength } = stripBom(raw);
      this.sessions.delete(document.uri);
      this.logError(`Analysing ${document.uri} (version ${document.version})`, error);
      return {
        ...base,
        positions: new PositionMapper(new LineIndex(text), bomLength),
        analysis: null,
        failure: error instanceof Error ? error.message : String(error),
        isPostmortem: false,
      };
    } finally {
      // The cache entry may have been made for an older version; record what was analysed.
      const entry = this.cache.get(document.uri);
      if (entry && entry.generation === generation) {
        entry.version = document.version;
        entry.pending = false;
      }
      const cost = edit ? performance.now() - start : (this.costs.get(document.uri) ?? null);
      this.costs.set(document.uri, cost);
    }
  }

  /** The document's session; a fresh one, not kept, for a document not kept. */
  private sessionOf(uri: string): Session {
    let session = this.sessions.get(uri);
    if (!session) {
      session = createSession();
      if (this.retention.keeps(uri)) this.sessions.set(uri, session);
    }
    return session;
  }

  private logError(what: string, error: unknown): void {
    const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
    this.connection.console.error(`${what} failed: ${detail}`);
  }
}
