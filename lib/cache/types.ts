import type { Cluster, Redis } from "ioredis";
import type { BreakerOptions, BreakerState } from "./breaker";

/** How a value was obtained; the product API reports it as `X-Cache`. */
export type CacheStatus = "HIT" | "MISS" | "STALE" | "BYPASS";

export interface Cached<T> {
  value: T;
  status: CacheStatus;
}

export interface GetOrSetOptions<T> {
  /** The entry's name, e.g. `product:<slug>`; each caller names its entries (in a keys module of its own). */
  key: string;
  /**
   * Seconds the entry is fresh; jittered by ±10% so entries written together expire apart. At most a day.
   * Or a function of the loaded value that says it (a rendered page says its own life).
   */
  ttl: number | ((value: T) => number);
  /** Seconds after `ttl` during which the stale value may still be served while one caller refreshes it. */
  grace?: number;
  /** Seconds a "not found" (null or undefined) stays fresh instead of `ttl`; it gets no grace. */
  missingTtl?: number;
  /** Tags, or a function of the loaded value that names them; invalidating a tag makes its entries misses. */
  tags?: string[] | ((value: T) => string[]);
  /** Soft timeout (ms): with a stale value at hand, a refresh slower than this answers the stale value. */
  timeout?: number;
  /** Hard timeout (ms): a load slower than this fails the call (the load goes on and is stored). */
  hardTimeout?: number;
  /** Loads the value from the source of truth on a miss (and whenever Redis cannot be used). */
  load: () => Promise<T>;
}

export type RequestResult = "hit" | "miss" | "stale" | "bypass" | "error";

/** Where the cache reports what it does (prom-client in the app, a recorder in tests). */
export interface CacheMetrics {
  request(result: RequestResult): void;
  l1Hit(): void;
  load(seconds: number, outcome: "ok" | "error"): void;
  /** An invalidation message arrived from the channel (from any instance, this one included). */
  invalidationReceived(): void;
  /** The L1 was emptied because it could no longer be kept coherent (channel or Redis lost). */
  l1Cleared(): void;
}

export interface CacheOptions {
  /** The cache's Redis client. */
  redis: () => Redis | Cluster;
  /**
   * Put in front of every Redis key and channel the cache uses (a namespace, e.g. `brisk:`); default `""`.
   * Instances that share entries and invalidations must share it.
   */
  keyPrefix?: string;
  /** Whether Redis is ready; may wait, bounded, for the first connection. */
  ready?: () => Promise<boolean> | boolean;
  /**
   * A dedicated connection for invalidation messages. With it, an in-memory L1 of `l1Entries` entries sits
   * in front of Redis; without it (or while it is down) there is no L1.
   */
  subscriber?: () => Redis | Cluster;
  l1Entries?: number;
  /**
   * While Redis is unusable, how long (ms, default 5000) a value this process held in its L1, or loaded
   * during the outage, may still be served from memory (BYPASS) instead of loading again; 0: never. Only
   * with an L1. Invalidations from other instances cannot be heard then: this is how stale it may be.
   */
  outageServeMs?: number;
  /** `off` loads every value straight from the source (BYPASS). */
  mode?: "on" | "off";
  /** A Redis command not answered within this (ms, default 250) counts as a failure; the value comes from the loader. */
  commandTimeoutMs?: number;
  breaker?: BreakerOptions;
  /** How long a loader holds its key's lock (ms), and how often waiters look for its result. */
  lockTtlMs?: number;
  pollIntervalMs?: number;
  metrics?: CacheMetrics;
}

export interface Cache {
  getOrSet<T>(options: GetOrSetOptions<T>): Promise<Cached<T>>;
  /**
   * The value getOrSet would answer from this process's memory (the L1, while it is coherent), counted as a
   * hit; undefined otherwise. Never asks Redis nor loads: for a caller that has somewhere else to go.
   */
  peek<T>(key: string): T | undefined;
  /** Whether {@link peek} would answer `key` now; not counted. */
  inMemory(key: string): boolean;
  /**
   * Drops entries by name, here and on every instance. Call after the write that made them wrong has
   * committed. Resolves false when Redis is unusable: the invalidation is kept and sent before this
   * instance next reads from Redis.
   */
  invalidateKeys(...keys: string[]): Promise<boolean>;
  /** Makes every entry carrying one of the tags a miss, on every instance. Same delivery as invalidateKeys. */
  invalidateTags(...tags: string[]): Promise<boolean>;
  breakerState(): BreakerState;
  /** Whether the in-memory L1 is in use (its invalidation channel is up and Redis is healthy). */
  l1Active(): boolean;
  /** Closes the subscriber connection (tests and scripts). */
  close(): Promise<void>;
}
