/**
 * Work done in the background, one item at a time, that lets requests through: the queue
 * yields to the event loop once an item has run past a time slice, so a request waits at most
 * about one slice and one item, and it holds while the editor's own work is under way (a
 * document typed in or being checked), for at most `MAX_HOLD_MS` at a time. An item queued
 * again before it runs runs once.
 */

/** How long (ms) items run back to back before the queue yields. */
export const TIME_SLICE_MS = 20;

/** How often (ms) a held queue looks again whether it may go on. */
const HOLD_POLL_MS = 50;

/** The longest (ms) the queue holds before it does one more item anyway. */
export const MAX_HOLD_MS = 2000;

const pause = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

export class BackgroundQueue {
  private readonly pending = new Set<string>();
  private running: Promise<void> | null = null;

  constructor(
    /** Does one item's work; what it throws is reported and the queue goes on. */
    private readonly work: (item: string) => Promise<void> | void,
    private readonly failed: (item: string, error: unknown) => void,
    /** Called each time the queue runs empty. */
    private readonly drained: () => void,
    /** Whether other work comes first now. */
    private readonly holdWhile: () => boolean = () => false,
  ) {}

  /** Whether items are waiting or running. */
  get busy(): boolean {
    return this.running !== null;
  }

  /** Queues items (in order; those already waiting keep their place). */
  add(items: Iterable<string>): void {
    for (const item of items) this.pending.add(item);
    if (this.pending.size > 0) this.running ??= this.run();
  }

  /** Settles once the queue has run empty (at once when it is). */
  idle(): Promise<void> {
    return this.running ?? Promise.resolve();
  }

  private async run(): Promise<void> {
    let sliceStart = performance.now();
    for (;;) {
      const next = this.pending.values().next();
      if (next.done) break;
      for (let held = 0; held < MAX_HOLD_MS && this.holdWhile(); held += HOLD_POLL_MS) {
        await pause(HOLD_POLL_MS);
        sliceStart = performance.now();
      }
      this.pending.delete(next.value);
      try {
        await this.work(next.value);
      } catch (error) {
        this.failed(next.value, error);
      }
      if (performance.now() - sliceStart >= TIME_SLICE_MS) {
        await pause(0);
        sliceStart = performance.now();
      }
    }
    this.running = null;
    this.drained();
  }
}
