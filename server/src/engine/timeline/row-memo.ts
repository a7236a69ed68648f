/**
 * What one read of a timeline keeps for the next: values by key (a row's text, an event's
 * words), each kept while the reads after use it. A read costs what its rows changed: a value
 * used again costs a lookup, or nothing for a caller holding its record. The memo holds the
 * values of the last read, and at most as many again of older ones.
 */

/** A value kept under its key, and the read that used it last (-1: no longer kept). */
export interface Kept<V> {
  readonly key: string;
  readonly value: V;
  read: number;
}

/** Values kept beyond the last read's before the others are dropped. */
const SLACK = 64;

export class GenerationMemo<V> {
  private readonly kept = new Map<string, Kept<V>>();
  /** The read under way, and how many values it used. */
  private current = 0;
  private used = 0;
  /** Values read because none was kept, for tests. */
  misses = 0;

  /** The value kept under `key`, else `read()`, kept. */
  value(key: string, read: () => V): V {
    return this.record(key, read).value;
  }

  /** The record of the value kept under `key`, else of `read()`, kept. */
  record(key: string, read: () => V): Kept<V> {
    const record = this.kept.get(key);
    if (record) {
      this.keep(record);
      return record;
    }
    const fresh = { key, value: read(), read: this.current };
    this.misses++;
    this.used++;
    this.kept.set(key, fresh);
    return fresh;
  }

  /** Keeps a record this memo gave, for this read, as `record` would find it. */
  keep(record: Kept<V>): void {
    if (record.read === this.current) return;
    if (record.read < 0) this.kept.set(record.key, record);
    record.read = this.current;
    this.used++;
  }

  /**
   * Starts a read. When the values kept outnumber the last read's by more than as many again,
   * those it did not use are dropped.
   */
  rotate(): void {
    if (this.kept.size > 2 * this.used + SLACK) {
      for (const [key, record] of this.kept) {
        if (record.read === this.current) continue;
        record.read = -1;
        this.kept.delete(key);
      }
    }
    this.current++;
    this.used = 0;
  }
}
