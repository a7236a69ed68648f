/**
 * Publishing: a document is re-checked after a quiet time (at once when opened), and its
 * diagnostics and an `outlineChanged` notification are sent once per version and
 * configuration generation.
 */
import type { Connection, Diagnostic, PublishDiagnosticsParams } from 'vscode-languageserver';
import { OUTLINE_CHANGED_NOTIFICATION } from '../../protocol';
import { analysisDiagnostics, analysisFailedDiagnostic } from './diagnostics';
import type { Analyzed, AnalyzedDocument } from './analyzed';

/** What a document shows in the Problems view. */
function diagnosticsOf(analyzed: AnalyzedDocument): Diagnostic[] {
  if (analyzed.failure !== null) return [analysisFailedDiagnostic(analyzed.failure)];
  if (!analyzed.analysis || !analyzed.isPostmortem) return [];
  return analysisDiagnostics(analyzed.analysis, analyzed.positions);
}

export class Publisher {
  private readonly timers = new Map<string, NodeJS.Timeout>();
  /** `${version}:${generation}` last published per document, so nothing is sent twice. */
  private readonly published = new Map<string, string>();

  constructor(
    private readonly connection: Connection,
    /** The quiet time (ms) after an edit of a document before it is checked again. */
    private readonly debounce: (uri: string) => number,
    /** The analysis to publish of a document's current version; undefined when stale. */
    private readonly analysed: (uri: string) => Promise<Analyzed | undefined>,
    private readonly logError: (what: string, error: unknown) => void,
  ) {}

  /** Re-checks a document after `delay` ms of quiet, then publishes; a newer call replaces it. */
  schedule(uri: string, delay = this.debounce(uri)): void {
    clearTimeout(this.timers.get(uri));
    this.timers.set(
      uri,
      setTimeout(() => {
        this.timers.delete(uri);
        this.publish(uri).catch((error: unknown) => this.logError(`Checking ${uri}`, error));
      }, delay),
    );
  }

  /** A closed document: nothing more is published, and its diagnostics are cleared. */
  forget(uri: string): void {
    clearTimeout(this.timers.get(uri));
    this.timers.delete(uri);
    this.published.delete(uri);
    void this.connection.sendDiagnostics({ uri, diagnostics: [] });
  }

  private async publish(uri: string): Promise<void> {
    const message = await this.message(uri);
    if (!message) return;
    await this.connection.sendDiagnostics(message);
    await this.connection.sendNotification(OUTLINE_CHANGED_NOTIFICATION, { uri });
  }

  /**
   * The diagnostics to send of a document, undefined when they were sent already. Only they
   * outlive this call: a client slow to read keeps messages queued, and a queued message must
   * not keep the analysis it came from.
   */
  private async message(uri: string): Promise<PublishDiagnosticsParams | undefined> {
    const analyzed = await this.analysed(uri);
    if (!analyzed) return undefined;
    const key = `${analyzed.version}:${analyzed.generation}`;
    if (this.published.get(uri) === key) return undefined;
    this.published.set(uri, key);
    return { uri, version: analyzed.version, diagnostics: diagnosticsOf(analyzed) };
  }
}
