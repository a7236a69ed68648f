/**
 * Open documents and their analyses: which version was analysed under which configuration,
 * debounced re-analysis while typing, and publishing diagnostics and `outlineChanged`.
 */
import type { Connection, Diagnostic, TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Analysis } from '../engine/analyze';
import { analyze } from '../engine/analyze';
import { defaultConfig } from '../engine/defaults';
import type { LintConfig } from '../engine/model';
import { LineIndex, stripBom } from '../engine/text';
import { OUTLINE_CHANGED_NOTIFICATION } from '../protocol';
import type { OutlineChangedParams } from '../protocol';
import { isMarkdown, isPostmortem } from './applicability';
import { analysisFailedDiagnostic, findingDiagnostic } from './diagnostics';
import { PositionMapper } from './positions';
import type { Settings } from './settings';
import { coerceSettings } from './settings';

/** One analysed version of an open Markdown document. */
export interface AnalyzedDocument {
  uri: string;
  version: number;
  settings: Settings;
  config: LintConfig;
  positions: PositionMapper;
  /** Null when the engine threw on this text. */
  analysis: Analysis | null;
  /** What the engine threw, when it did. */
  failure: string | null;
  /** Whether the document is a post-mortem; features serve only those. */
  isPostmortem: boolean;
}

/** An analysed post-mortem: what every feature works on. */
export type AnalyzedPostmortem = AnalyzedDocument & { analysis: Analysis; isPostmortem: true };

/** Whether features should serve a document. */
export function isAnalyzedPostmortem(
  document: AnalyzedDocument | undefined,
): document is AnalyzedPostmortem {
  return document !== undefined && document.isPostmortem && document.analysis !== null;
}

/** Settings and configuration of a document. */
export interface DocumentConfiguration {
  settings: Settings;
  config: LintConfig;
}

interface CacheEntry {
  version: number;
  generation: number;
  result: Promise<AnalyzedDocument | undefined>;
}

/** Analyses open Markdown documents on demand and after edits, and publishes the results. */
export class DocumentAnalyses {
  private readonly cache = new Map<string, CacheEntry>();
  private readonly timers = new Map<string, NodeJS.Timeout>();
  /** `${version}:${generation}` last published per document, so nothing is sent twice. */
  private readonly published = new Map<string, string>();
  /** Bumped whenever settings or configuration files change: cached analyses are stale. */
  private generation = 0;

  constructor(
    private readonly connection: Connection,
    private readonly documents: TextDocuments<TextDocument>,
    private readonly configure: (uri: string) => Promise<DocumentConfiguration>,
    private readonly workspaceFolders: () => string[],
    /** Quiet time after an edit before re-analysing. */
    private readonly debounceMs = 200,
  ) {}

  /** The analysis of a document's current version; undefined when it is not open Markdown. */
  get(uri: string): Promise<AnalyzedDocument | undefined> {
    const document = this.documents.get(uri);
    if (!document || !isMarkdown(document.languageId, uri)) return Promise.resolve(undefined);
    const cached = this.cache.get(uri);
    if (cached && cached.version === document.version && cached.generation === this.generation) {
      return cached.result;
    }
    const generation = this.generation;
    const result = this.configure(uri)
      .catch((error: unknown): DocumentConfiguration => {
        // A configuration that cannot be resolved must not stop the report from being checked.
        this.logError(`Configuring ${uri}`, error);
        return { settings: coerceSettings(undefined), config: defaultConfig() };
      })
      .then((configuration) => {
        // The text is read after configuration arrives, so the analysis is of the newest version.
        const current = this.documents.get(uri);
        return current ? this.analyze(current, configuration, generation) : undefined;
      });
    this.cache.set(uri, { version: document.version, generation, result });
    return result;
  }

  /** Re-analyses a document after `delay` ms of quiet, then publishes; a newer call replaces it. */
  schedule(uri: string, delay = this.debounceMs): void {
    clearTimeout(this.timers.get(uri));
    this.timers.set(
      uri,
      setTimeout(() => {
        this.timers.delete(uri);
        this.publish(uri).catch((error: unknown) => this.logError(`Checking ${uri}`, error));
      }, delay),
    );
  }

  /** Marks every analysis stale (settings or configuration changed) and re-checks open documents. */
  invalidateAll(): void {
    this.generation++;
    for (const document of this.documents.all()) {
      if (isMarkdown(document.languageId, document.uri)) this.schedule(document.uri, 0);
    }
  }

  /** Forgets a closed document and clears its diagnostics. */
  forget(uri: string): void {
    clearTimeout(this.timers.get(uri));
    this.timers.delete(uri);
    this.cache.delete(uri);
    this.published.delete(uri);
    void this.connection.sendDiagnostics({ uri, diagnostics: [] });
  }

  private async publish(uri: string): Promise<void> {
    const analyzed = await this.get(uri);
    const document = this.documents.get(uri);
    // Stale work: the document changed or closed meanwhile; the newer schedule publishes.
    if (!analyzed || !document || analyzed.version !== document.version) return;
    const key = `${analyzed.version}:${this.cache.get(uri)?.generation ?? -1}`;
    if (this.published.get(uri) === key) return;
    this.published.set(uri, key);
    await this.connection.sendDiagnostics({
      uri,
      version: analyzed.version,
      diagnostics: diagnosticsOf(analyzed),
    });
    const params: OutlineChangedParams = { uri };
    await this.connection.sendNotification(OUTLINE_CHANGED_NOTIFICATION, params);
  }

  private analyze(
    document: TextDocument,
    { settings, config }: DocumentConfiguration,
    generation: number,
  ): AnalyzedDocument {
    const { text, bomLength } = stripBom(document.getText());
    const base = { uri: document.uri, version: document.version, settings, config };
    try {
      const analysis = analyze(text, config);
      const postmortem = isPostmortem(
        document.uri,
        analysis.model,
        settings.files,
        this.workspaceFolders(),
      );
      return {
        ...base,
        positions: new PositionMapper(analysis.model.lines, bomLength),
        analysis,
        failure: null,
        isPostmortem: postmortem,
      };
    } catch (error) {
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
      if (entry && entry.generation === generation) entry.version = document.version;
    }
  }

  private logError(what: string, error: unknown): void {
    const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
    this.connection.console.error(`${what} failed: ${detail}`);
  }
}

/** What a document shows in the Problems view. */
function diagnosticsOf(analyzed: AnalyzedDocument): Diagnostic[] {
  if (analyzed.failure !== null) return [analysisFailedDiagnostic(analyzed.failure)];
  if (!analyzed.analysis || !analyzed.isPostmortem) return [];
  return analyzed.analysis.findings.map((finding) =>
    findingDiagnostic(finding, analyzed.positions),
  );
}
