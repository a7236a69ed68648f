/**
 * What one read of a timeline keeps for the next: values by key (a row's text, an event's
 * words), each kept while the read after uses it. A read costs what its rows changed, and the
 * memo holds no more than one read's rows.
 */
export class GenerationMemo<V> {
  private current = new Map<string, V>();
  private previous = new Map<string, V>();
  /** Values read because none was kept, for tests. */
  misses = 0;

  /** The value kept under `key`, else `read()`, kept. */
  value(key: string, read: () => V): V {
    let value = this.current.get(key) ?? this.previous.get(key);
    if (value === undefined) {
      value = read();
      this.misses++;
    }
    this.current.set(key, value);
    return value;
  }

  /** Keeps `value` under `key` for this read, as `value` would, when the caller has it. */
  keep(key: string, value: V): void {
    this.current.set(key, value);
  }

  /** Starts a read: what the read before did not use is dropped. */
  rotate(): void {
    this.previous = this.current;
    this.current = new Map();
  }
}
