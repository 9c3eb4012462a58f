import { createCache } from "@/lib/cache/cache";
import { testRedis } from "./test-redis";

/**
 * A separate OS process for the cross-process cache tests: it waits at a barrier in Redis, then sends
 * CONCURRENCY reads of one cold key through its own cache, whose loader counts itself in Redis. With
 * HANG=1 the loader never finishes (a holder that dies while holding the lock).
 */
const { REDIS_KEY_PREFIX, KEY, COUNTER_KEY, READY_KEY, GO_KEY, CONCURRENCY, LOCK_TTL_MS, HANG } = process.env;

async function main(): Promise<void> {
  // REDIS_URL (the cache's), or the cluster the suite runs on.
  const redis = testRedis("cache");
  const barrier = redis.duplicate();
  const cache = createCache({
    redis: () => redis,
    keyPrefix: REDIS_KEY_PREFIX ?? "",
    lockTtlMs: Number(LOCK_TTL_MS ?? 5_000),
  });
  const load = async () => {
    await redis.incr(COUNTER_KEY!);
    if (HANG === "1") await new Promise(() => undefined);
    await new Promise((resolve) => setTimeout(resolve, 100));
    return `loaded by ${process.pid}`;
  };
  await redis.incr(READY_KEY!);
  await barrier.blpop(GO_KEY!, 30);
  const results = await Promise.all(
    Array.from({ length: Number(CONCURRENCY ?? 1) }, () => cache.getOrSet({ key: KEY!, ttl: 60, load })),
  );
  const statuses: Record<string, number> = {};
  for (const { status } of results) statuses[status] = (statuses[status] ?? 0) + 1;
  console.log(JSON.stringify({ statuses, values: [...new Set(results.map((result) => result.value))] }));
  redis.disconnect();
  barrier.disconnect();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
