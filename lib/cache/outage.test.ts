import Redis from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { recordingMetrics } from "@/tests/support/cache-metrics";
import { ThrowawayRedis } from "@/tests/support/redis-server";
import { waitFor } from "@/tests/support/wait";
import { createCache } from "./cache";

// Redis down: the database must not see a load per call. A value known current at most `outageServeMs`
// ago is served from memory; after that, one load per key per window.
const WINDOW_MS = 300;
let server: ThrowawayRedis;
let redis: Redis;

beforeAll(async () => {
  server = await ThrowawayRedis.start();
  redis = new Redis(server.url, { enableOfflineQueue: false, maxRetriesPerRequest: 1, retryStrategy: () => 50 });
  redis.on("error", () => undefined);
  await waitFor(() => redis.status === "ready", 5_000, "the client to connect");
});

afterAll(async () => {
  redis.disconnect();
  await server.destroy();
});

describe("while Redis is down", () => {
  it("runs the loader at most once per window for 100 sequential calls on a warm key, and serves nothing staler", async () => {
    const { metrics, counts } = recordingMetrics();
    const cache = createCache({
      redis: () => redis,
      subscriber: () => redis.duplicate(),
      metrics,
      outageServeMs: WINDOW_MS,
      breaker: { threshold: 1, cooldownMs: 60_000 },
      // A deadline far beyond the test: a call that waited for Redis instead of failing over would show.
      commandTimeoutMs: 60_000,
    });
    let source = "v1";
    const loads: number[] = [];
    const read = () =>
      cache.getOrSet({ key: "warm", ttl: 60, load: async () => (loads.push(performance.now()), source) });
    await read();
    await waitFor(() => cache.l1Active(), 5_000, "the invalidation channel");
    await read();
    expect((await read()).status).toBe("HIT");
    expect(loads).toHaveLength(1);

    await server.kill();
    await waitFor(() => !cache.l1Active(), 5_000, "the L1 to be switched off");
    const lostAt = performance.now();
    source = "v2"; // written by another instance: this one cannot hear of it now
    const answers = [];
    for (let i = 0; i < 100; i++) answers.push({ ...(await read()), at: performance.now() });
    // Within the window after the L1 was emptied: its value, from memory; after it, one load.
    for (const answer of answers) {
      expect(answer.status).toBe("BYPASS");
      if (answer.value === "v1") expect(answer.at - lostAt).toBeLessThanOrEqual(WINDOW_MS + 50);
    }
    expect(loads.length - 1).toBeLessThanOrEqual(1);
    expect(cache.breakerState()).toBe("open");
    expect(counts.requests.bypass).toBe(100);

    // Two windows later: the old value is gone, each window costs one load.
    await waitFor(() => performance.now() - lostAt > 2 * WINDOW_MS, 5_000, "two windows");
    const before = loads.length;
    const windowStart = performance.now();
    const later = [];
    while (performance.now() - windowStart < 2 * WINDOW_MS) later.push(await read());
    expect(later.every((answer) => answer.value === "v2" && answer.status === "BYPASS")).toBe(true);
    expect(later.length).toBeGreaterThan(100);
    expect(loads.length - before).toBeGreaterThanOrEqual(1);
    expect(loads.length - before).toBeLessThanOrEqual(3); // one per window begun
    await cache.close();
  });

  it("drops what this instance invalidates from that memory too", async () => {
    const other = await ThrowawayRedis.start();
    const client = new Redis(other.url, {
      enableOfflineQueue: false,
      maxRetriesPerRequest: 1,
      retryStrategy: () => 50,
    });
    client.on("error", () => undefined);
    try {
      const cache = createCache({ redis: () => client, subscriber: () => client.duplicate(), outageServeMs: 60_000 });
      let source = "v1";
      const read = () => cache.getOrSet({ key: "k", ttl: 60, tags: ["t"], load: async () => source });
      await read();
      await waitFor(() => cache.l1Active(), 5_000, "the invalidation channel");
      await read();
      await other.kill();
      await waitFor(() => !cache.l1Active(), 5_000, "the L1 to be switched off");
      expect(await read()).toEqual({ value: "v1", status: "BYPASS" });
      source = "v2";
      expect(await cache.invalidateTags("t")).toBe(false);
      expect(await read()).toEqual({ value: "v2", status: "BYPASS" });
      await cache.close();
    } finally {
      client.disconnect();
      await other.destroy();
    }
  });
});
