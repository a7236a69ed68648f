/**
 * Gives memory back soon after bursts of analysis. While an editor restores a hundred open
 * reports, V8 grows its heap to hold the garbage of every parse; with the server's heap flag
 * (`node/v8-flags.ts`) V8's memory reducer gives it back within about 10 seconds of the last
 * analysis. Once the server has analysed a lot of text and then been idle briefly, this runs a
 * few full collections at once (one frees the garbage, the next ones return the freed pages to
 * the system). Nothing runs while analyses keep coming: typing is never slowed by it.
 *
 * The collection is `node/full-collection.ts`'s, which any editor's server has; where none
 * can be had (the web worker), V8's reducer alone gives memory back.
 */

export interface IdleCollectorOptions {
  /** Characters analysed since the last collection that make one worth running. */
  thresholdChars: number;
  /** Quiet time (ms) after the last analysis before collecting. */
  idleMs: number;
  /** Full collections in a row, `roundMs` apart. */
  rounds: number;
  roundMs: number;
}

const DEFAULTS: IdleCollectorOptions = {
  // About eighty reports of 50 KB; one edit of the largest reports is a tenth of it.
  thresholdChars: 4 * 1024 * 1024,
  idleMs: 500,
  rounds: 3,
  roundMs: 250,
};

/** Runs `collect` after enough analysis followed by a pause; see the module comment. */
export class IdleCollector {
  /** Characters analysed since the last collection. */
  private pending = 0;
  private timer: NodeJS.Timeout | undefined;
  private readonly options: IdleCollectorOptions;

  constructor(
    private readonly collect: () => void,
    options: Partial<IdleCollectorOptions> = {},
  ) {
    this.options = { ...DEFAULTS, ...options };
  }

  /** Counts an analysis of `chars` characters; postpones any collection until the next pause. */
  analysed(chars: number): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.pending += chars;
    if (this.pending < this.options.thresholdChars) return;
    this.timer = setTimeout(() => this.run(this.options.rounds), this.options.idleMs);
    this.timer.unref();
  }

  private run(rounds: number): void {
    this.pending = 0;
    this.collect();
    this.timer =
      rounds > 1 ? setTimeout(() => this.run(rounds - 1), this.options.roundMs) : undefined;
    this.timer?.unref();
  }
}
