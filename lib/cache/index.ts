import { env } from "../env";
import { globalSingleton } from "../global-singleton";
import { awaitReady, redisClient } from "../redis/clients";
import { createCache } from "./cache";

/**
 * Brisk's cache-aside helper over Redis. Knows nothing of products.
 *
 *   const { value, status } = await cache.getOrSet({
 *     key: "product:blue-shirt",            // entry name, built in lib/redis/keys.ts
 *     ttl: 300,                             // seconds, jittered ±10%
 *     tags: (p) => [`product:${p.id}`],     // or a list; invalidateTags makes tagged entries misses
 *     load: () => loadFromPostgres(),       // runs on a miss, once per key per process at a time
 *   });
 *
 * `status` is HIT (from Redis), MISS (loaded and stored) or BYPASS (loaded; cache off or Redis unusable).
 * It fails open: a Redis that is down, slow (REDIS_COMMAND_TIMEOUT_MS) or not yet connected costs at most
 * the timeout, after which the value comes from the loader; repeated failures open a breaker that skips
 * Redis for a few seconds. Values are JSON with Dates preserved; the envelope carries a schema version.
 */
export const cache = globalSingleton("cache", () =>
  createCache({ redis: () => redisClient("cache"), ready: () => awaitReady("cache"), mode: env.CACHE_MODE }),
);

export { createCache } from "./cache";
export type { Cache, CacheStatus, Cached, GetOrSetOptions } from "./cache";
