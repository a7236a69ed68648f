/**
 * Which open documents keep their analyses: the few used last (asked about or edited), within
 * a number of documents and of characters of text together, and the one opened last, which an
 * editor showing it asks about next. The others are analysed for their diagnostics and keep
 * nothing. A kept analysis and session cost tens of times their text (the tree and timeline
 * of every row), so a budget of documents alone would let a few large reports hold hundreds
 * of megabytes.
 */

/** The keys kept: the used ones within the budgets, and the one opened last if not used yet. */
export class Retention {
  /** Used keys, least recently used first, with the characters of their texts. */
  private readonly used = new Map<string, number>();
  private opened: string | null = null;

  constructor(
    /** How many used keys are kept; at least one. */
    readonly capacity: number,
    /** How many characters the texts of the used keys kept hold together, but for the newest. */
    readonly characters: number,
  ) {}

  /**
   * Marks `key`, whose text has `length` characters, as just used; returns the keys no longer
   * kept, oldest first. The newest is kept whatever its length.
   */
  use(key: string, length: number): string[] {
    if (this.opened === key) this.opened = null;
    this.used.delete(key);
    this.used.set(key, length);
    let total = 0;
    for (const size of this.used.values()) total += size;
    const dropped: string[] = [];
    for (const [oldest, size] of this.used) {
      if (this.used.size <= 1) break;
      if (this.used.size <= this.capacity && total <= this.characters) break;
      this.used.delete(oldest);
      total -= size;
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
