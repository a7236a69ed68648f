/**
 * Publishing: a document is re-checked after a quiet time (at once when opened), and its
 * diagnostics (unless the client pulls them) and an `outlineChanged` notification are sent
 * once per version and configuration generation.
 */
import type { Connection, PublishDiagnosticsParams } from 'vscode-languageserver';
import { OUTLINE_CHANGED_NOTIFICATION } from '../../protocol';
import { documentDiagnostics } from './diagnostics';
import type { Analyzed } from './analyzed';

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
    /**
     * Whether diagnostics are pushed; false for a client that pulls them
     * (`textDocument/diagnostic`), which would otherwise show each one twice.
     */
    private readonly push: boolean,
    /** Asks a client that pulls to pull again, once a check gave new diagnostics. */
    private readonly refreshPulled: (() => void) | null = null,
  ) {}

  /** Whether a document waits for its check (typed in, or just opened). */
  get waiting(): boolean {
    return this.timers.size > 0;
  }

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
    if (this.push) void this.connection.sendDiagnostics({ uri, diagnostics: [] });
  }

  private async publish(uri: string): Promise<void> {
    const message = await this.message(uri);
    if (!message) return;
    if (message.diagnostics) await this.connection.sendDiagnostics(message.diagnostics);
    else this.refreshPulled?.();
    await this.connection.sendNotification(OUTLINE_CHANGED_NOTIFICATION, { uri });
  }

  /**
   * What to send of a document (its diagnostics null when the client pulls them), undefined
   * when it was sent already. Only the diagnostics outlive this call: a client slow to read
   * keeps messages queued, and a queued message must not keep the analysis it came from.
   */
  private async message(
    uri: string,
  ): Promise<{ diagnostics: PublishDiagnosticsParams | null } | undefined> {
    const analyzed = await this.analysed(uri);
    if (!analyzed) return undefined;
    const key = `${analyzed.version}:${analyzed.generation}`;
    if (this.published.get(uri) === key) return undefined;
    this.published.set(uri, key);
    if (!this.push) return { diagnostics: null };
    const diagnostics = documentDiagnostics(analyzed);
    return { diagnostics: { uri, version: analyzed.version, diagnostics } };
  }
}
