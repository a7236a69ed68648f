/**
 * The workspace's reports as the server's index lists them (`postmortem/incidents`), for the
 * Incidents view and the insights panel. Asked for only while one of them is on screen: the
 * first to show starts the server, and each change the server announces is asked for again.
 */
import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { State } from 'vscode-languageclient';
import type { IncidentsResult } from '../../../server/src/protocol';
import { INCIDENTS_CHANGED_NOTIFICATION, INCIDENTS_REQUEST } from '../../../server/src/protocol';
import type { ServerStarter } from '../server-start';

/** What the index holds now, as the view and the panel read it. */
export type IndexState =
  | { kind: 'waiting' }
  | { kind: 'listed'; result: IncidentsResult }
  | { kind: 'failed'; message: string };

export class IncidentsTracker implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  /** Fires when the index's answer (or its failure) changes. */
  readonly onDidChange = this.changed.event;
  private readonly disposables: vscode.Disposable[] = [this.changed];
  private current: IndexState = { kind: 'waiting' };
  private watchers = 0;
  // Answers can arrive out of order; only the latest request's is kept.
  private generation = 0;

  constructor(
    private readonly client: BaseLanguageClient,
    private readonly starter: ServerStarter,
  ) {
    this.disposables.push(
      client.onNotification(INCIDENTS_CHANGED_NOTIFICATION, () => {
        if (this.watchers > 0) void this.refresh();
      }),
      client.onDidChangeState(({ newState }) => {
        // A (re)started server is asked again; its index starts from nothing.
        if (newState === State.Running && this.watchers > 0) void this.refresh();
      }),
    );
  }

  get state(): IndexState {
    return this.current;
  }

  /**
   * Says something shows the index until the returned disposable is disposed: the first one
   * starts the server (the index lives there) and asks for the reports.
   */
  watch(): vscode.Disposable {
    this.watchers += 1;
    if (this.watchers === 1) {
      void this.starter.start().then(() => this.refresh());
    }
    let disposed = false;
    return new vscode.Disposable(() => {
      if (disposed) return;
      disposed = true;
      this.watchers -= 1;
    });
  }

  /** Asks the server for every report of the workspace. */
  async refresh(): Promise<void> {
    const generation = ++this.generation;
    let next: IndexState;
    if (!this.client.isRunning()) {
      next = {
        kind: 'failed',
        message: vscode.l10n.t('The post-mortem language server is not running.'),
      };
    } else {
      try {
        next = { kind: 'listed', result: await this.client.sendRequest(INCIDENTS_REQUEST, null) };
      } catch (error) {
        this.client.error('Reading the workspace index failed', error);
        const reason = error instanceof Error ? error.message : String(error);
        next = {
          kind: 'failed',
          message: vscode.l10n.t('The workspace index could not be read: {0}', reason),
        };
      }
    }
    if (generation !== this.generation) return;
    this.current = next;
    this.changed.fire();
  }

  dispose(): void {
    for (const disposable of this.disposables) disposable.dispose();
  }
}
