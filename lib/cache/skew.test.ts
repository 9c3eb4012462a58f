import { randomUUID } from "node:crypto";
import { afterAll, afterEach, describe, expect, it, vi } from "vitest";
import { env } from "../env";
import { waitFor } from "@/tests/support/wait";
import { createCache } from "./cache";
import { testRedis } from "@/tests/support/test-redis";

// Freshness and tags are judged on Redis' clock: an app server whose wall clock is a day off (or is
// stepped between two reads) judges them exactly as the others do. Date.now is what a skewed server gets wrong.
const redis = testRedis();
afterAll(() => redis.quit());
afterEach(() => vi.restoreAllMocks());

const DAY = 86_400_000;
const key = () => `skew:${randomUUID()}`;
const skewBy = (ms: number) => {
  const real = Date.now.bind(Date);
  vi.spyOn(Date, "now").mockImplementation(() => real() + ms);
};

describe("an app server with a wrong clock", () => {
  it("still finds an entry fresh for its TTL when its clock jumps a day ahead between two reads", async () => {
    const cache = createCache({ redis: () => redis, keyPrefix: env.REDIS_KEY_PREFIX });
    const name = key();
    expect((await cache.getOrSet({ key: name, ttl: 60, load: async () => "v1" })).status).toBe("MISS");
    skewBy(DAY);
    expect(await cache.getOrSet({ key: name, ttl: 60, load: async () => "v2" })).toEqual({
      value: "v1",
      status: "HIT",
    });
  });

  it("still finds an entry stale after its TTL when its clock runs a day behind", async () => {
    const cache = createCache({ redis: () => redis, keyPrefix: env.REDIS_KEY_PREFIX });
    const name = key();
    await cache.getOrSet({ key: name, ttl: 0.05, grace: 60, load: async () => "old" });
    skewBy(-DAY);
    const stored = performance.now();
    await waitFor(() => performance.now() - stored > 100, 1_000, "the entry to go stale");
    const answer = await cache.getOrSet({ key: name, ttl: 60, grace: 60, timeout: 1_000, load: async () => "new" });
    expect(answer).toEqual({ value: "new", status: "MISS" });
  });

  it("never serves a value loaded before a tag's invalidation, its clock a day ahead", async () => {
    const cache = createCache({ redis: () => redis, keyPrefix: env.REDIS_KEY_PREFIX });
    const other = createCache({ redis: () => redis, keyPrefix: env.REDIS_KEY_PREFIX });
    const [name, tag] = [key(), `skew-${randomUUID()}`];
    await cache.getOrSet({ key: key(), ttl: 60, load: async () => 0 }); // a first sample of Redis' clock
    skewBy(DAY);
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let started = false;
    const slow = cache.getOrSet({
      key: name,
      ttl: 60,
      tags: [tag],
      load: async () => ((started = true), await gate, "old"),
    });
    await waitFor(() => started, 2_000, "the load to start");
    await other.invalidateTags(tag); // a write committed while the old value was being loaded
    release();
    expect((await slow).value).toBe("old");
    for (const reader of [cache, other]) {
      expect((await reader.getOrSet({ key: name, ttl: 60, tags: [tag], load: async () => "new" })).value).toBe("new");
    }
  });
});
