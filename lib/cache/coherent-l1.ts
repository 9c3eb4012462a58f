import type { Cluster, Redis } from "ioredis";
import { Coherence } from "./coherence";
import type { Envelope } from "./envelope";
import { L1 } from "./l1";
import type { InvalidationMessage } from "./redis-store";
import type { CacheMetrics } from "./types";

/**
 * The in-memory L1, used only while it can be kept coherent with the other instances: its invalidation
 * channel is subscribed and Redis is healthy. Whenever that stops being true it is emptied, so nothing it
 * held while invalidations could be missed is served later. Without a subscriber there is no L1.
 */
export class CoherentL1 {
  private readonly l1: L1;
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
    },
  ) {
    this.l1 = new L1(options.subscriber ? options.entries : 0);
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

  /** Drops what an invalidation names (sent by this instance or received), and starts a new generation. */
  drop(message: InvalidationMessage): void {
    this.invalidations++;
    this.l1.deleteKeys(message.keys);
    this.l1.deleteTags(message.tags);
  }

  private clear(): void {
    if (this.l1.size === 0) return;
    this.l1.clear();
    this.options.metrics.l1Cleared();
  }
}
