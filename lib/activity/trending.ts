import { cache } from "../cache";
import { withStateRedis } from "../redis/state";
import { activityKeys, hourOf } from "./keys";
import { BUCKET_TTL_SECONDS } from "./view-counts";

/**
 * Trending now: views (one per viewer, product and hour: lib/activity/recently-viewed.ts says which;
 * lib/activity/view-counts.ts writes them a second at a time) and units sold, counted in hourly sorted
 * sets that expire after 48 hours, combined on read into one score over the last 24 hours where each hour
 * weighs half as much as the one six hours later, and a unit sold as much as three views. The read is one
 * MULTI (ZUNIONSTORE with weights, ZREVRANGE, DEL: every key in the `{trend}` slot) and is cached for a
 * minute through lib/cache (one load across instances, then L1 hits), so trending costs Redis a few
 * commands a minute.
 */

const HOURS = 24;
const HALF_LIFE_HOURS = 6;
const SOLD_WEIGHT = 3;
/** How long a trending read is kept (seconds): what is trending may be a minute old. */
export const TRENDING_READ_TTL_SECONDS = 60;
/** The ranking read: the top 240 ids (ten listing pages), by which `sort=trending` orders listings. */
export const TRENDING_IDS = 240;
/** The cached ranking's name in lib/cache: its length is in it, so two releases never read each other's. */
export const TRENDING_CACHE_KEY = `trending:${TRENDING_IDS}`;

/** Counts the units of a paid order's lines. */
export async function countSold(lines: { productId: number; quantity: number }[], now = Date.now()): Promise<void> {
  if (lines.length === 0) return;
  const key = activityKeys.sold(hourOf(now));
  await withStateRedis((redis) => {
    const multi = redis.multi();
    for (const line of lines) multi.zincrby(key, line.quantity, line.productId);
    return multi.expire(key, BUCKET_TTL_SECONDS, "NX").exec();
  });
}

/** The buckets of the last 24 hours and their weights (this hour weighs 1). */
function weightedBuckets(now: number): { keys: string[]; weights: number[] } {
  const hour = hourOf(now);
  const keys: string[] = [];
  const weights: number[] = [];
  for (let age = 0; age < HOURS; age++) {
    const decay = 0.5 ** (age / HALF_LIFE_HOURS);
    keys.push(activityKeys.views(hour - age), activityKeys.sold(hour - age));
    weights.push(decay, decay * SOLD_WEIGHT);
  }
  return { keys, weights };
}

/** The trending product ids, highest score first, read from Redis now (uncached). */
export async function readTrendingIds(limit = TRENDING_IDS, now = Date.now()): Promise<number[]> {
  const { keys, weights } = weightedBuckets(now);
  const union = activityKeys.union();
  const replies = await withStateRedis((redis) =>
    redis
      .multi()
      .zunionstore(union, keys.length, ...keys, "WEIGHTS", ...weights)
      .zrevrange(union, 0, limit - 1)
      .del(union)
      .exec(),
  );
  const [error, ids] = replies?.[1] ?? [new Error("trending read was discarded"), null];
  if (error) throw error;
  return (ids as string[]).map(Number);
}

/** The trending product ids through the cache: the buckets are read about once a minute for every instance. */
export async function trendingIds(): Promise<number[]> {
  const { value } = await cache.getOrSet({
    key: TRENDING_CACHE_KEY,
    ttl: TRENDING_READ_TTL_SECONDS,
    grace: 5 * TRENDING_READ_TTL_SECONDS,
    timeout: 150,
    hardTimeout: 2_000,
    load: () => readTrendingIds(),
  });
  return value;
}
