/**
 * At most one piece of work per key at a time in this process: a caller that finds the key's work
 * running joins it instead of starting another. The key is free again once the work settles.
 */
export class SingleFlight<V> {
  private readonly running = new Map<string, Promise<V>>();

  /** The key's running work (`joined`), or `start()`'s, begun now. */
  run<R extends V>(key: string, start: () => Promise<R>): { promise: Promise<R>; joined: boolean } {
    const running = this.running.get(key);
    if (running) return { promise: running as Promise<R>, joined: true };
    const promise = start().finally(() => this.running.delete(key));
    this.running.set(key, promise);
    return { promise, joined: false };
  }
}
