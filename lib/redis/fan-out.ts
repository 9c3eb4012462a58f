import type { Cluster, Redis } from "ioredis";

/**
 * One Redis pub/sub subscription per process, fanned out to many local listeners by topic: however many
 * listeners, Redis sees one subscriber per instance. Messages are JSON `{ topic, ... }`. Pub/sub delivers
 * at most once and nothing while the connection is down, so every time the subscription is (again)
 * confirmed, the first time included, every listener is told to resync (read the truth again) instead of
 * trusting that it missed nothing. At most `maxListeners` at a time: `listen` answers null past that.
 */

export type FanOutEvent<M> = { kind: "message"; message: M } | { kind: "resync" };
export type Listener<M> = (event: FanOutEvent<M>) => void;

export class FanOut<M extends { topic: string | number }> {
  private readonly listeners = new Map<string, Set<Listener<M>>>();
  private size = 0;
  private subscriber: Redis | Cluster | null = null;

  /**
   * @param connect makes the subscriber's own connection (a subscribed connection can do nothing else).
   * @param parse the message, or null for one to ignore.
   */
  constructor(
    private readonly channel: string,
    private readonly connect: () => Redis | Cluster,
    private readonly parse: (text: string) => M | null,
    private readonly maxListeners: number,
  ) {}

  /** Listens to `topic` until the returned stop is called; null when this process has no room for another. */
  listen(topic: string | number, listener: Listener<M>): (() => void) | null {
    if (this.size >= this.maxListeners) return null;
    this.start();
    const key = String(topic);
    let set = this.listeners.get(key);
    if (!set) this.listeners.set(key, (set = new Set()));
    set.add(listener);
    this.size++;
    let stopped = false;
    return () => {
      if (stopped) return;
      stopped = true;
      this.size--;
      set.delete(listener);
      if (set.size === 0 && this.listeners.get(key) === set) this.listeners.delete(key);
    };
  }

  /** Listeners now (for the cap and for tests). */
  get listening(): number {
    return this.size;
  }

  private start(): void {
    if (this.subscriber) return;
    const subscriber = this.connect();
    this.subscriber = subscriber;
    subscriber.on("error", () => undefined); // it reconnects on its own; the resync covers the gap
    // SUBSCRIBE on every (re)connection, not only ioredis' resubscription of channels Redis had confirmed:
    // a first SUBSCRIBE that failed (Redis down at start) is never retried otherwise.
    subscriber.on("ready", () => {
      subscriber.subscribe(this.channel).then(
        () => this.broadcast({ kind: "resync" }),
        () => undefined, // the connection went again: the next "ready" subscribes
      );
    });
    subscriber.on("message", (channel: string, text: string) => {
      if (channel !== this.channel) return;
      const message = this.parse(text);
      if (message) this.deliver(String(message.topic), { kind: "message", message });
    });
  }

  private deliver(topic: string, event: FanOutEvent<M>): void {
    for (const listener of this.listeners.get(topic) ?? []) listener(event);
  }

  private broadcast(event: FanOutEvent<M>): void {
    for (const set of this.listeners.values()) for (const listener of set) listener(event);
  }

  /** Closes the subscription (tests; a server keeps it for its lifetime). */
  close(): void {
    this.subscriber?.disconnect();
    this.subscriber = null;
  }
}
