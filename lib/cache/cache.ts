import type Redis from "ioredis";
import { redisKeys } from "../redis/keys";
import { STAMP_TAG_LUA } from "../redis/scripts/stamp-tag";
import { Breaker, type BreakerOptions, type BreakerState } from "./breaker";
import { decodeEnvelope, encodeEnvelope } from "./envelope";

/** How a value was obtained; the product API reports it as `X-Cache`. */
export type CacheStatus = "HIT" | "MISS" | "BYPASS";

export interface Cached<T> {
  value: T;
  status: CacheStatus;
}

export interface GetOrSetOptions<T> {
  /** The entry's name inside the cache namespace (build it in lib/redis/keys.ts). */
  key: string;
  /** Seconds the entry lives; jittered by ±10% so entries written together expire apart. At most a day. */
  ttl: number;
  /** Seconds a "not found" (a null or undefined value) lives instead of `ttl`; default `ttl`. */
  missingTtl?: number;
  /** Tags, or a function of the loaded value that names them; invalidating a tag makes its entries misses. */
  tags?: string[] | ((value: T) => string[]);
  /** Loads the value from the source of truth on a miss (and whenever Redis cannot be used). */
  load: () => Promise<T>;
}

export interface CacheOptions {
  /** The cache's Redis client (called per use: the client may be replaced after a reconnect). */
  redis: () => Redis;
  /** Whether Redis is ready; may wait, bounded, for the first connection. */
  ready?: () => Promise<boolean> | boolean;
  /** `off` loads every value straight from the source (BYPASS). */
  mode?: "on" | "off";
  breaker?: BreakerOptions;
}

export interface Cache {
  getOrSet<T>(options: GetOrSetOptions<T>): Promise<Cached<T>>;
  /** Deletes entries by name. Call after the write that made them wrong has committed. */
  invalidateKeys(...keys: string[]): Promise<void>;
  /** Makes every entry carrying one of the tags a miss, on every instance. Call after the commit. */
  invalidateTags(...tags: string[]): Promise<void>;
  breakerState(): BreakerState;
}

const MAX_TTL_SECONDS = 24 * 60 * 60;
/** A tag's invalidation time must outlive every entry that may carry the tag. */
const TAG_RETENTION_MS = 2 * MAX_TTL_SECONDS * 1000;

function jittered(ttlSeconds: number): number {
  return Math.max(1, Math.round(ttlSeconds * 1000 * (0.9 + Math.random() * 0.2)));
}

export function createCache(options: CacheOptions): Cache {
  const breaker = new Breaker(options.breaker);
  const inFlight = new Map<string, Promise<Cached<unknown>>>();
  const ready = options.ready ?? (() => true);

  /** Runs a Redis call under the breaker; null when Redis may not or could not be used. */
  async function guarded<R>(call: (redis: Redis) => Promise<R>): Promise<{ result: R } | null> {
    if (!breaker.allows()) return null;
    if (!(await ready())) {
      breaker.failure();
      return null;
    }
    try {
      const result = await call(options.redis());
      breaker.success();
      return { result };
    } catch {
      breaker.failure();
      return null;
    }
  }

  /**
   * The entry if it is fresh; null on a miss; undefined when Redis cannot be used. Also Redis' clock,
   * read in the same round trip: a load that starts now is stamped with it, and so is every tag
   * invalidation (lib/redis/scripts/stamp-tag.ts), so instances with skewed clocks still agree on what came first.
   */
  async function readFresh<T>(key: string): Promise<{ entry: { value: T } | null; now: number } | undefined> {
    const read = await guarded(async (redis) => {
      const [raw, [seconds, micros]] = await Promise.all([redis.get(redisKeys.cacheEntry(key)), redis.time()]);
      const now = Number(seconds) * 1e6 + Number(micros);
      const envelope = decodeEnvelope<T>(raw);
      if (!envelope) return { entry: null, now };
      // Tags live in slots of their own: one GET each, pipelined by ioredis.
      const invalidatedAt = await Promise.all(envelope.tags.map((tag) => redis.get(redisKeys.cacheTag(tag))));
      const stale = invalidatedAt.some((at) => at !== null && Number(at) >= envelope.at);
      return { entry: stale ? null : { value: envelope.value }, now };
    });
    return read?.result;
  }

  async function loadAndStore<T>(opts: GetOrSetOptions<T>, startedAt: number): Promise<Cached<T>> {
    const value = await opts.load();
    const tags = typeof opts.tags === "function" ? opts.tags(value) : (opts.tags ?? []);
    let encoded: string;
    try {
      encoded = encodeEnvelope(value, startedAt, tags);
    } catch (error) {
      console.warn(`[cache] ${opts.key} cannot be serialized, not cached: ${(error as Error).message}`);
      return { value, status: "MISS" };
    }
    const ttl = value == null ? (opts.missingTtl ?? opts.ttl) : opts.ttl;
    const stored = await guarded((redis) => redis.set(redisKeys.cacheEntry(opts.key), encoded, "PX", jittered(ttl)));
    return { value, status: stored ? "MISS" : "BYPASS" };
  }

  async function lookup<T>(opts: GetOrSetOptions<T>): Promise<Cached<T>> {
    const read = await readFresh<T>(opts.key);
    if (read === undefined) return { value: await opts.load(), status: "BYPASS" };
    if (read.entry !== null) return { value: read.entry.value, status: "HIT" };
    return loadAndStore(opts, read.now);
  }

  return {
    getOrSet<T>(opts: GetOrSetOptions<T>): Promise<Cached<T>> {
      for (const ttl of [opts.ttl, opts.missingTtl ?? opts.ttl]) {
        if (!(ttl > 0 && ttl <= MAX_TTL_SECONDS)) throw new RangeError(`ttl must be in (0, ${MAX_TTL_SECONDS}]`);
      }
      if (options.mode === "off") return opts.load().then((value) => ({ value, status: "BYPASS" }));
      // One lookup per key at a time in this process: concurrent callers share its result.
      const pending = inFlight.get(opts.key);
      if (pending) return pending as Promise<Cached<T>>;
      const started = lookup(opts).finally(() => inFlight.delete(opts.key));
      inFlight.set(opts.key, started);
      return started;
    },

    async invalidateKeys(...keys) {
      const done = await guarded((redis) => Promise.all(keys.map((key) => redis.unlink(redisKeys.cacheEntry(key)))));
      if (!done) throw new Error(`cache: could not invalidate ${keys.join(", ")} (Redis unavailable)`);
    },

    async invalidateTags(...tags) {
      const done = await guarded((redis) =>
        Promise.all(tags.map((tag) => redis.eval(STAMP_TAG_LUA, 1, redisKeys.cacheTag(tag), TAG_RETENTION_MS))),
      );
      if (!done) throw new Error(`cache: could not invalidate tags ${tags.join(", ")} (Redis unavailable)`);
    },

    breakerState: () => breaker.state,
  };
}
