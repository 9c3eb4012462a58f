import { randomUUID } from "node:crypto";
import Redis from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { commandCounts } from "@/tests/support/redis-commands";
import { ThrowawayRedis } from "@/tests/support/redis-server";
import { waitFor } from "@/tests/support/wait";
import { createCache } from "./cache";
import { cacheKeys } from "./keys";

// The per-key load lock, observed directly in a Redis of the test's own (its commands are counted).
// Separate caches stand for separate processes.
let server: ThrowawayRedis;
let redis: Redis;
beforeAll(async () => {
  server = await ThrowawayRedis.start();
  redis = new Redis(server.url, { maxRetriesPerRequest: 1 });
});
afterAll(async () => {
  redis.disconnect();
  await server.destroy();
});
const keyPrefix = "lock-test:";
const keys = cacheKeys(keyPrefix);
/** Lock releases Redis has run (the release is a script). */
const releases = async () => {
  const counts = await commandCounts(redis);
  return (counts.eval ?? 0) + (counts.evalsha ?? 0);
};

const gate = () => {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { open, opened };
};

describe("the load lock", () => {
  it("is held while loading, and released once the value is stored (after the callers are answered)", async () => {
    const key = `lock:${randomUUID()}`;
    const loading = gate();
    const read = createCache({ redis: () => redis, keyPrefix }).getOrSet({
      key,
      ttl: 60,
      load: async () => (await loading.opened, 1),
    });
    await waitFor(async () => (await redis.exists(keys.lock(key))) === 1, 2_000, "the lock");
    loading.open();
    expect((await read).value).toBe(1);
    await waitFor(async () => (await redis.exists(keys.lock(key))) === 0, 2_000, "the lock to be released");
    expect(await redis.exists(keys.entry(key))).toBe(1);
  });

  it("does not hold the callers until Redis confirms the value's write", async () => {
    const key = `lock:${randomUUID()}`;
    const loading = gate();
    // A deadline past the pause: the callers must not be answered by the write timing out either.
    const cache = createCache({ redis: () => redis, keyPrefix, commandTimeoutMs: 10_000 });
    const reads = Array.from({ length: 3 }, () =>
      cache.getOrSet({ key, ttl: 60, load: async () => (await loading.opened, "v") }),
    );
    await waitFor(async () => (await redis.exists(keys.lock(key))) === 1, 2_000, "the lock");
    // Writes wait (reads do not) until unpaused, or for 5 s: the callers must be answered before that.
    const admin = redis.duplicate();
    await admin.client("PAUSE", 5_000, "WRITE");
    try {
      loading.open();
      expect(await Promise.all(reads)).toEqual(Array(3).fill({ value: "v", status: "MISS" }));
      // Asked on a connection of its own: the cache's waits behind its paused write.
      expect(await admin.exists(keys.entry(key))).toBe(0);
    } finally {
      await admin.client("UNPAUSE");
      admin.disconnect();
    }
    await waitFor(async () => (await redis.exists(keys.lock(key))) === 0, 2_000, "the lock to be released");
    expect(await redis.exists(keys.entry(key))).toBe(1);
  });

  it("is never released by a holder whose lock expired and was taken by another", async () => {
    const key = `lock:${randomUUID()}`;
    const lock = keys.lock(key);
    const [slowA, slowB] = [gate(), gate()];
    const a = createCache({ redis: () => redis, keyPrefix, lockTtlMs: 150 });
    const b = createCache({ redis: () => redis, keyPrefix, lockTtlMs: 5_000 });

    const readA = a.getOrSet({ key, ttl: 60, load: async () => (await slowA.opened, "a") });
    await waitFor(async () => (await redis.exists(lock)) === 1, 2_000, "A to take the lock");
    await waitFor(async () => (await redis.exists(lock)) === 0, 2_000, "A's lock to expire while A still loads");
    let bStarted = false;
    const readB = b.getOrSet({ key, ttl: 60, load: async () => ((bStarted = true), await slowB.opened, "b") });
    await waitFor(() => bStarted, 2_000, "B to take the lock and load");

    await redis.config("RESETSTAT");
    slowA.open();
    expect((await readA).value).toBe("a");
    // A's release (once A's value is stored) must have left B's lock alone.
    await waitFor(async () => (await releases()) === 1, 2_000, "A's release to run");
    expect(await redis.exists(lock)).toBe(1);
    slowB.open();
    await readB;
    await waitFor(async () => (await redis.exists(lock)) === 0, 2_000, "B's lock to be released");
  });
});
