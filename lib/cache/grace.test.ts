import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it, vi } from "vitest";
import { env } from "../env";
import { recordingMetrics } from "@/tests/support/cache-metrics";
import { waitFor } from "@/tests/support/wait";
import { createCache } from "./cache";
import { CacheTimeoutError } from "./timeouts";
import { testRedis } from "@/tests/support/test-redis";

// Grace, soft and hard timeouts, against the real test Redis. An entry fresh for 50 ms goes stale by
// itself; the tests wait for that moment (the event under test is time passing), then read again.
const redis = testRedis();
afterAll(() => redis.quit());

const key = () => `grace:${randomUUID()}`;
const FRESH = 0.05;
const gate = () => {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { open, opened };
};

async function staleEntry(cache: ReturnType<typeof createCache>, name: string, value: string) {
  await cache.getOrSet({ key: name, ttl: FRESH, grace: 60, load: async () => value });
  const storedAt = Date.now();
  await waitFor(() => Date.now() - storedAt > FRESH * 1000 * 1.2, 1_000, "the entry to go stale");
}

describe("grace", () => {
  it("serves the stale value at once while one caller refreshes it", async () => {
    const cache = createCache({ redis: () => redis, keyPrefix: env.REDIS_KEY_PREFIX });
    const name = key();
    await staleEntry(cache, name, "old");
    const refresh = gate();
    const load = vi.fn(async () => (await refresh.opened, "new"));
    const answers = await Promise.all(
      Array.from({ length: 20 }, () => cache.getOrSet({ key: name, ttl: 60, grace: 60, load })),
    );
    expect(answers.every((answer) => answer.value === "old" && answer.status === "STALE")).toBe(true);
    // The refresh runs in the background: wait for it to reach the loader, then check nobody else did.
    await waitFor(() => load.mock.calls.length > 0, 2_000, "the refresh to start");
    expect(await cache.getOrSet({ key: name, ttl: 60, grace: 60, load })).toEqual({ value: "old", status: "STALE" });
    refresh.open();
    await waitFor(
      async () => (await cache.getOrSet({ key: name, ttl: 60, load })).value === "new",
      2_000,
      "the refresh",
    );
    expect(load).toHaveBeenCalledTimes(1);
  });

  it("serves the stale value when the refresh fails, and counts the error", async () => {
    const { metrics, counts } = recordingMetrics();
    const cache = createCache({ redis: () => redis, keyPrefix: env.REDIS_KEY_PREFIX, metrics });
    const name = key();
    await staleEntry(cache, name, "old");
    const failing = {
      key: name,
      ttl: 60,
      grace: 60,
      timeout: 1_000,
      load: async () => Promise.reject(new Error("db down")),
    };
    expect(await cache.getOrSet(failing)).toEqual({ value: "old", status: "STALE" });
    expect(counts.loadErrors).toBe(1);
    expect(counts.requests.stale).toBe(1);
  });

  it("is not used past the grace period: the entry is gone", async () => {
    const cache = createCache({ redis: () => redis, keyPrefix: env.REDIS_KEY_PREFIX });
    const name = key();
    await cache.getOrSet({ key: name, ttl: FRESH, grace: FRESH, load: async () => "old" });
    await waitFor(async () => (await redis.exists(`${env.REDIS_KEY_PREFIX}cache:${name}`)) === 0, 2_000, "expiry");
    expect(await cache.getOrSet({ key: name, ttl: 60, load: async () => "new" })).toEqual({
      value: "new",
      status: "MISS",
    });
  });
});

describe("timeouts", () => {
  it("soft: a refresh slower than `timeout` answers the stale value, then stores the fresh one", async () => {
    const cache = createCache({ redis: () => redis, keyPrefix: env.REDIS_KEY_PREFIX });
    const name = key();
    await staleEntry(cache, name, "old");
    const slow = gate();
    const started = Date.now();
    const answer = await cache.getOrSet({
      key: name,
      ttl: 60,
      grace: 60,
      timeout: 50,
      load: async () => (await slow.opened, "new"),
    });
    expect(answer).toEqual({ value: "old", status: "STALE" });
    expect(Date.now() - started).toBeLessThan(1_000);
    slow.open();
    await waitFor(
      async () => (await cache.getOrSet({ key: name, ttl: 60, load: async () => "other" })).value === "new",
      2_000,
      "the slow refresh to be stored",
    );
  });

  it("soft: a refresh within `timeout` answers the fresh value", async () => {
    const cache = createCache({ redis: () => redis, keyPrefix: env.REDIS_KEY_PREFIX });
    const name = key();
    await staleEntry(cache, name, "old");
    expect(await cache.getOrSet({ key: name, ttl: 60, grace: 60, timeout: 2_000, load: async () => "new" })).toEqual({
      value: "new",
      status: "MISS",
    });
  });

  it("hard: a load slower than `hardTimeout` fails the call, and counts an error", async () => {
    const { metrics, counts } = recordingMetrics();
    const cache = createCache({ redis: () => redis, keyPrefix: env.REDIS_KEY_PREFIX, metrics });
    const never = gate();
    const call = cache.getOrSet({
      key: key(),
      ttl: 60,
      hardTimeout: 50,
      load: async () => (await never.opened, "late"),
    });
    await expect(call).rejects.toBeInstanceOf(CacheTimeoutError);
    expect(counts.requests.error).toBe(1);
    never.open();
  });
});
