import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it, vi } from "vitest";
import { env } from "../env";
import { waitFor } from "@/tests/support/wait";
import { createCache } from "./cache";
import { cacheKeys } from "./keys";
import { testRedis } from "@/tests/support/test-redis";

// Against the real test Redis (REDIS_URL of the test environment, prefix brisk-test:).
const redis = testRedis();
const keys = cacheKeys(env.REDIS_KEY_PREFIX);
const cache = createCache({ redis: () => redis, keyPrefix: env.REDIS_KEY_PREFIX });
const uniqueKey = () => `test:${randomUUID()}`;

afterAll(() => redis.quit());

describe("getOrSet against Redis", () => {
  it("loads on a miss, then answers from Redis without loading", async () => {
    const key = uniqueKey();
    const load = vi.fn(async () => ({ name: "tee", updatedAt: new Date("2026-01-02T03:04:05Z") }));
    const first = await cache.getOrSet({ key, ttl: 60, load });
    const second = await cache.getOrSet({ key, ttl: 60, load });
    expect(first.status).toBe("MISS");
    expect(second.status).toBe("HIT");
    expect(load).toHaveBeenCalledTimes(1);
    expect(second.value).toEqual(first.value);
    expect(second.value.updatedAt).toBeInstanceOf(Date);
  });

  it("stores the entry under the namespaced key with its TTL, jittered within ±10%", async () => {
    const ttls: number[] = [];
    for (let i = 0; i < 20; i++) {
      const key = uniqueKey();
      await cache.getOrSet({ key, ttl: 100, load: async () => i });
      ttls.push(await redis.pttl(keys.entry(key)));
    }
    expect(Math.min(...ttls)).toBeGreaterThanOrEqual(89_000);
    expect(Math.max(...ttls)).toBeLessThanOrEqual(110_000);
    // Jitter: twenty entries written together do not all expire at the same moment.
    expect(new Set(ttls.map((ms) => Math.round(ms / 1000))).size).toBeGreaterThan(3);
  });

  it("gives a 'not found' its own, shorter TTL", async () => {
    const key = uniqueKey();
    await cache.getOrSet({ key, ttl: 300, missingTtl: 10, load: async () => null });
    expect(await redis.pttl(keys.entry(key))).toBeLessThanOrEqual(11_000);
    expect((await cache.getOrSet({ key, ttl: 300, missingTtl: 10, load: async () => "late" })).value).toBeNull();
  });

  it("takes the TTL from the loaded value when given as a function, and refuses one out of bounds", async () => {
    const [short, long] = [uniqueKey(), uniqueKey()];
    const ttl = (value: { life: number }) => value.life;
    await cache.getOrSet({ key: short, ttl, load: async () => ({ life: 10 }) });
    await cache.getOrSet({ key: long, ttl, load: async () => ({ life: 1000 }) });
    expect(await redis.pttl(keys.entry(short))).toBeLessThanOrEqual(11_000);
    expect(await redis.pttl(keys.entry(long))).toBeGreaterThanOrEqual(900_000);
    await expect(cache.getOrSet({ key: uniqueKey(), ttl, load: async () => ({ life: 0 }) })).rejects.toThrow(
      RangeError,
    );
  });

  it("makes an invalidated key a miss", async () => {
    const key = uniqueKey();
    let version = 1;
    const load = async () => version;
    await cache.getOrSet({ key, ttl: 60, load });
    version = 2;
    expect((await cache.getOrSet({ key, ttl: 60, load })).value).toBe(1);
    await cache.invalidateKeys(key);
    expect(await cache.getOrSet({ key, ttl: 60, load })).toEqual({ value: 2, status: "MISS" });
  });

  it("makes every entry of an invalidated tag a miss, and leaves other tags alone", async () => {
    const [a, b, other] = [uniqueKey(), uniqueKey(), uniqueKey()];
    const tag = `t-${randomUUID()}`;
    await cache.getOrSet({ key: a, ttl: 60, tags: [tag], load: async () => "a" });
    await cache.getOrSet({ key: b, ttl: 60, tags: (value: string) => [tag, `of-${value}`], load: async () => "b" });
    await cache.getOrSet({ key: other, ttl: 60, tags: ["unrelated"], load: async () => "o" });
    await cache.invalidateTags(tag);
    expect((await cache.getOrSet({ key: a, ttl: 60, tags: [tag], load: async () => "a2" })).status).toBe("MISS");
    expect((await cache.getOrSet({ key: b, ttl: 60, tags: [tag], load: async () => "b2" })).value).toBe("b2");
    expect((await cache.getOrSet({ key: other, ttl: 60, load: async () => "o2" })).status).toBe("HIT");
    // A fresh load after the invalidation is a hit again.
    expect((await cache.getOrSet({ key: a, ttl: 60, tags: [tag], load: async () => "a3" })).value).toBe("a2");
  });

  it("does not keep a value loaded before a tag invalidation that happened during the load", async () => {
    const key = uniqueKey();
    const tag = `t-${randomUUID()}`;
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let started = false;
    const slow = cache.getOrSet({ key, ttl: 60, tags: [tag], load: async () => ((started = true), await gate, "old") });
    await waitFor(() => started, 2_000, "the load to start"); // the old value is being read
    await cache.invalidateTags(tag); // a write committed while the old value was being loaded
    release();
    expect((await slow).value).toBe("old");
    expect((await cache.getOrSet({ key, ttl: 60, tags: [tag], load: async () => "new" })).value).toBe("new");
  });

  it("runs one load for concurrent callers of a cold key in this process", async () => {
    const key = uniqueKey();
    const load = vi.fn(async () => {
      await new Promise((resolve) => setTimeout(resolve, 20));
      return "once";
    });
    const results = await Promise.all(Array.from({ length: 200 }, () => cache.getOrSet({ key, ttl: 60, load })));
    expect(load).toHaveBeenCalledTimes(1);
    expect(results.every((result) => result.value === "once")).toBe(true);
  });

  it("answers the callers who join a key's read with one shared answer, and counts each of them", async () => {
    const requests: string[] = [];
    const metrics = { request: (result: string) => requests.push(result), l1Hit() {}, load() {} };
    const counted = createCache({
      redis: () => redis,
      keyPrefix: env.REDIS_KEY_PREFIX,
      metrics: { ...metrics, invalidationReceived() {}, l1Cleared() {} },
    });
    const key = uniqueKey();
    const load = vi.fn(async () => "shared");
    const answers = Array.from({ length: 50 }, () => counted.getOrSet({ key, ttl: 60, load }));
    // The first caller reads; the 49 others share one promise.
    expect(new Set(answers).size).toBe(2);
    expect((await Promise.all(answers)).every(({ value, status }) => value === "shared" && status === "MISS")).toBe(
      true,
    );
    expect(load).toHaveBeenCalledTimes(1);
    expect(requests).toEqual(Array(50).fill("miss"));
  });

  it("treats an entry of an older envelope version (a previous deploy) as a miss, and replaces it", async () => {
    const key = uniqueKey();
    await redis.set(keys.entry(key), JSON.stringify({ v: 1, at: 1, tags: [], value: { oldShape: true } }));
    expect(await cache.getOrSet({ key, ttl: 60, load: async () => ({ newShape: true }) })).toEqual({
      value: { newShape: true },
      status: "MISS",
    });
    expect((await cache.getOrSet({ key, ttl: 60, load: async () => null })).status).toBe("HIT");
  });

  it("treats a corrupt or foreign value under its key as a miss and overwrites it", async () => {
    const key = uniqueKey();
    await redis.set(keys.entry(key), "not an envelope {");
    expect(await cache.getOrSet({ key, ttl: 60, load: async () => "fresh" })).toEqual({
      value: "fresh",
      status: "MISS",
    });
    expect(await cache.getOrSet({ key, ttl: 60, load: async () => "again" })).toEqual({
      value: "fresh",
      status: "HIT",
    });
  });

  it("passes a loader's error to the caller and caches nothing", async () => {
    const key = uniqueKey();
    await expect(
      cache.getOrSet({ key, ttl: 60, load: async () => Promise.reject(new Error("db down")) }),
    ).rejects.toThrow("db down");
    expect(await redis.exists(keys.entry(key))).toBe(0);
  });

  it("bypasses Redis entirely with CACHE_MODE=off", async () => {
    const off = createCache({ redis: () => redis, keyPrefix: env.REDIS_KEY_PREFIX, mode: "off" });
    const key = uniqueKey();
    const load = vi.fn(async () => 1);
    expect((await off.getOrSet({ key, ttl: 60, load })).status).toBe("BYPASS");
    expect((await off.getOrSet({ key, ttl: 60, load })).status).toBe("BYPASS");
    expect(load).toHaveBeenCalledTimes(2);
    expect(await redis.exists(keys.entry(key))).toBe(0);
  });

  it("rejects a TTL beyond a day (tag invalidations would be forgotten before the entry)", async () => {
    await expect(cache.getOrSet({ key: uniqueKey(), ttl: 2 * 86_400, load: async () => 1 })).rejects.toThrow(
      RangeError,
    );
  });
});
