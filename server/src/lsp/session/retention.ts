/**
 * Which open documents keep their analyses: the few used last (asked about or edited), and
 * the one opened last, which an editor showing it asks about next. The others are analysed
 * for their diagnostics and keep nothing.
 */

/** The keys kept: the `capacity` used most recently, and the one opened last if not used yet. */
export class Retention {
  private readonly used = new Set<string>();
  private opened: string | null = null;

  constructor(
    /** How many used keys are kept; at least one. */
    readonly capacity: number,
  ) {}

  /** Marks `key` as just used; returns the keys no longer kept, oldest first. */
  use(key: string): string[] {
    if (this.opened === key) this.opened = null;
    this.used.delete(key);
    this.used.add(key);
    const dropped: string[] = [];
    for (const oldest of this.used) {
      if (this.used.size <= Math.max(1, this.capacity)) break;
      this.used.delete(oldest);
      dropped.push(oldest);
    }
    return dropped;
  }

  /** Marks `key` as just opened; returns the key opened before it, when that was never used. */
  open(key: string): string[] {
    const previous = this.opened;
    this.opened = this.used.has(key) ? null : key;
    return previous !== null && previous !== key ? [previous] : [];
  }

  /** Whether `key` is kept. */
  keeps(key: string): boolean {
    return this.used.has(key) || this.opened === key;
  }

  /** Forgets `key`. */
  delete(key: string): void {
    this.used.delete(key);
    if (this.opened === key) this.opened = null;
  }
}
