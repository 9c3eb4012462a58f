import type { Cluster, Redis } from "ioredis";
import { Coherence } from "./coherence";
import type { Envelope } from "./envelope";
import { L1 } from "./l1";
import type { InvalidationMessage } from "./redis-store";
import type { CacheMetrics } from "./types";

/**
 * The in-memory L1, used only while it can be kept coherent with the other instances: its invalidation
 * channel is subscribed and Redis is healthy. Whenever that stops being true it is emptied, so nothing it
 * held while invalidations could be missed is served as a hit later. Without a subscriber there is no L1.
 *
 * What it held, and what is loaded while Redis cannot be used, goes to a second memory (`recent`) that
 * answers only while Redis is unusable, and only for `outageServeMs` after the value was last known
 * current (when the L1 was emptied, or when its load began): the staleness bound during an outage, and
 * what keeps the database's load from growing with traffic then (one load per key per window).
 */
export class CoherentL1 {
  private readonly l1: L1;
  private readonly recent: L1;
  private readonly coherence: Coherence | null;
  /**
   * How many invalidations this process has seen. A value read or loaded before an invalidation arrived
   * may be the old one: it is not put in L1 (Redis will judge it by its stamp next time).
   */
  private invalidations = 0;

  constructor(
    private readonly options: {
      subscriber?: () => Redis | Cluster;
      entries: number;
      channel: string;
      redisHealthy: () => boolean;
      metrics: CacheMetrics;
      /** How long (ms) a value may be served from memory while Redis is unusable; 0: never. */
      outageServeMs: number;
    },
  ) {
    this.l1 = new L1(options.subscriber ? options.entries : 0);
    // On the monotonic clock: the staleness bound must not stretch when the wall clock is stepped.
    this.recent = new L1(options.subscriber && options.outageServeMs > 0 ? options.entries : 0, () =>
      performance.now(),
    );
    this.coherence = options.subscriber
      ? new Coherence({
          connect: options.subscriber,
          channel: options.channel,
          onMessage: (message) => {
            this.drop(message);
            options.metrics.invalidationReceived();
          },
          onDown: () => this.clear(),
        })
      : null;
  }

  /** The invalidation generation now: take it when a read or load begins, hand it to `keep`. */
  get generation(): number {
    return this.invalidations;
  }

  /** Subscribes to the invalidation channel, once. */
  start(): void {
    this.coherence?.start();
  }

  stop(): Promise<void> {
    return this.coherence?.stop() ?? Promise.resolve();
  }

  active(): boolean {
    return this.coherence !== null && this.coherence.healthy && this.options.redisHealthy();
  }

  /** The fresh value under `key` while the L1 is active; while it is not, it is emptied and never hits. */
  hit(key: string): { value: unknown } | undefined {
    if (this.active()) return this.l1.get(key);
    this.clear();
    return undefined;
  }

  /**
   * Keeps a fresh value for as long as it stays fresh (Redis clock `now`, µs), unless an invalidation
   * arrived since `generationAtRead` (the generation when the value was read or its load began).
   */
  keep<T>(key: string, envelope: Omit<Envelope<T>, "v">, now: number, generationAtRead: number): void {
    if (this.active() && generationAtRead === this.invalidations) {
      this.l1.set(key, envelope.value, (envelope.exp - now) / 1000, envelope.tags);
    }
  }

  /**
   * While Redis is unusable: the value under `key` that was current at most `outageServeMs` ago (held by
   * the L1 when it was emptied, or loaded since), or undefined.
   */
  recall(key: string): { value: unknown } | undefined {
    return this.recent.get(key);
  }

  /**
   * Keeps a value loaded while Redis was unusable, for `outageServeMs` from when its load began
   * (`startedAt`, performance.now()), unless an invalidation arrived since `generationAtRead`.
   */
  keepLoaded(key: string, value: unknown, tags: string[], startedAt: number, generationAtRead: number): void {
    if (generationAtRead !== this.invalidations) return;
    this.recent.set(key, value, this.options.outageServeMs - (performance.now() - startedAt), tags);
  }

  /** Drops what an invalidation names (sent by this instance or received), and starts a new generation. */
  drop(message: InvalidationMessage): void {
    this.invalidations++;
    for (const memory of [this.l1, this.recent]) {
      memory.deleteKeys(message.keys);
      memory.deleteTags(message.tags);
    }
  }

  /** Empties the L1; what it held was current until now, and is kept for an outage (see `recall`). */
  private clear(): void {
    if (this.l1.size === 0) return;
    this.l1.moveTo(this.recent, this.options.outageServeMs);
    this.options.metrics.l1Cleared();
  }
}
