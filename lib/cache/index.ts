import { env } from "../env";
import { globalSingleton } from "../global-singleton";
import { awaitReady, redisClient, subscriberClient } from "../redis/clients";
import { createCache } from "./cache";
import { prometheusCacheMetrics } from "./prometheus";

/**
 * Brisk's cache-aside helper over Redis. Knows nothing of products.
 *
 *   const { value, status } = await cache.getOrSet({
 *     key: "product:blue-shirt",          // entry name: each caller names its entries, in its own keys module
 *     ttl: 300,                           // seconds fresh, jittered ±10%
 *     grace: 3600,                        // then up to an hour stale, served while one caller refreshes
 *     missingTtl: 30,                     // a null ("not found") is cached this long instead
 *     tags: (p) => [`product:${p.id}`],   // or a list; invalidateTags makes tagged entries misses everywhere
 *     timeout: 100, hardTimeout: 5000,    // ms: answer stale after `timeout`; fail after `hardTimeout`
 *     load: () => loadFromPostgres(),     // runs once per key across all instances at a time
 *   });
 *
 * `status`: HIT (L1 or Redis), MISS (loaded and stored), STALE (within grace), BYPASS (Redis not used:
 * cache off, or Redis unusable). An in-memory L1 sits in front of Redis, kept coherent across instances by
 * invalidation messages over Redis pub/sub, and bypassed while that channel or Redis is down.
 *
 * A Redis hit is one round trip and one command: the entry and the stamps of its tags in one MGET (a
 * tick's reads share MGETs of 16; on a Cluster, one GET per key, sent at once), judged by this process's
 * estimate of Redis' clock (a TIME sample, kept on the monotonic clock, refreshed each second: the app
 * server's wall clock is never used). Only a process's first read of an entry with tags it did not expect
 * takes a second round trip.
 *
 * It fails open: Redis down or slow costs at most REDIS_COMMAND_TIMEOUT_MS per round trip, a connection
 * known lost costs nothing, and a first connection not yet ready at most REDIS_READY_TIMEOUT_MS once;
 * repeated failures open a breaker that skips Redis for a few seconds. While Redis is unusable, a value
 * this process held in its L1, or loaded during the outage, is served from memory (BYPASS) for at most
 * CACHE_OUTAGE_SERVE_MS (5 s) after it was last known current, then loaded again: one load per key per
 * window, and the staleness bound during an outage (other instances' invalidations cannot be heard then).
 * Values are JSON with Dates kept; the envelope carries a schema version. Metrics at /api/metrics.
 *
 * Its Redis keys all start with `keyPrefix` (here REDIS_KEY_PREFIX, e.g. `brisk:`): entries `brisk:cache:<key>`,
 * tag stamps `brisk:cache-tag:{<tag>}`, load locks `brisk:cache-lock:<key>`, and the invalidation channel
 * `brisk:cache-invalidations`. A cache made with createCache shares entries and invalidations with this one
 * only if it is given the same `keyPrefix`.
 */
export const cache = globalSingleton("cache", () =>
  createCache({
    redis: () => redisClient("cache"),
    keyPrefix: env.REDIS_KEY_PREFIX,
    ready: () => awaitReady("cache"),
    subscriber: () => subscriberClient("cache", "brisk-cache-invalidations"),
    mode: env.CACHE_MODE,
    commandTimeoutMs: env.REDIS_COMMAND_TIMEOUT_MS,
    l1Entries: env.CACHE_L1_ENTRIES,
    outageServeMs: env.CACHE_OUTAGE_SERVE_MS,
    metrics: prometheusCacheMetrics,
  }),
);

export { createCache } from "./cache";
export { CacheTimeoutError } from "./timeouts";
export type { Cache, CacheStatus, Cached, GetOrSetOptions } from "./types";
