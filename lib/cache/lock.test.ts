import { randomUUID } from "node:crypto";
import Redis from "ioredis";
import { afterAll, describe, expect, it } from "vitest";
import { env } from "../env";
import { waitFor } from "@/tests/support/wait";
import { createCache } from "./cache";
import { cacheKeys } from "./keys";

// The per-key load lock, observed directly in Redis. Separate caches stand for separate processes.
const redis = new Redis(env.CACHE_REDIS_URL, { maxRetriesPerRequest: 1 });
afterAll(() => redis.quit());
const keyPrefix = env.REDIS_KEY_PREFIX;
const keys = cacheKeys(keyPrefix);

const gate = () => {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { open, opened };
};

describe("the load lock", () => {
  it("is held while loading and released after", async () => {
    const key = `lock:${randomUUID()}`;
    const loading = gate();
    const read = createCache({ redis: () => redis, keyPrefix }).getOrSet({
      key,
      ttl: 60,
      load: async () => (await loading.opened, 1),
    });
    await waitFor(async () => (await redis.exists(keys.lock(key))) === 1, 2_000, "the lock");
    loading.open();
    await read;
    expect(await redis.exists(keys.lock(key))).toBe(0);
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

    slowA.open();
    expect((await readA).value).toBe("a");
    // A's release must have left B's lock alone.
    expect(await redis.exists(lock)).toBe(1);
    slowB.open();
    await readB;
    expect(await redis.exists(lock)).toBe(0);
  });
});
