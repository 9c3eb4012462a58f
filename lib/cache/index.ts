import { env } from "../env";
import { globalSingleton } from "../global-singleton";
import { awaitReady, redisClient } from "../redis/clients";
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
 * `status`: HIT (L1 or Redis), MISS (loaded and stored), STALE (within grace), BYPASS (loaded; cache off
 * or Redis unusable). An in-memory L1 sits in front of Redis, kept coherent across instances by
 * invalidation messages over Redis pub/sub, and bypassed while that channel or Redis is down. It fails
 * open: Redis down or slow costs at most REDIS_COMMAND_TIMEOUT_MS per round trip (a tagged read is two), and
 * a first connection not yet ready at most REDIS_READY_TIMEOUT_MS once; repeated failures open a breaker that skips Redis for a few seconds. Values
 * are JSON with Dates kept; the envelope carries a schema version. Metrics at /api/metrics.
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
    subscriber: () => redisClient("cache").duplicate({ connectionName: "brisk-cache-invalidations" }),
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
