import { randomUUID } from "node:crypto";
import Redis from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { env } from "../env";
import { recordingMetrics } from "@/tests/support/cache-metrics";
import { ThrowawayRedis } from "@/tests/support/redis-server";
import { waitFor } from "@/tests/support/wait";
import { createCache } from "./cache";

// Two app instances = two caches, each with its own L1 and its own subscription, sharing one Redis.
function instance(url: string) {
  const redis = new Redis(url, {
    maxRetriesPerRequest: 1,
    enableOfflineQueue: false,
    commandTimeout: 200,
    retryStrategy: () => 50,
  });
  redis.on("error", () => undefined);
  const { metrics, counts } = recordingMetrics();
  const cache = createCache({
    redis: () => redis,
    keyPrefix: env.REDIS_KEY_PREFIX,
    subscriber: () => redis.duplicate(),
    metrics,
    breaker: { threshold: 1, cooldownMs: 100 },
  });
  return { redis, cache, counts };
}

async function connected(node: ReturnType<typeof instance>) {
  await waitFor(() => node.redis.status === "ready", 5_000, "the client to connect");
  // The subscription starts with the first read.
  await node.cache.getOrSet({ key: `warmup:${randomUUID()}`, ttl: 60, load: async () => 0 });
  await waitFor(() => node.cache.l1Active(), 5_000, "the invalidation channel");
}

describe("L1 coherent across instances", () => {
  const a = instance(env.CACHE_REDIS_URL);
  const b = instance(env.CACHE_REDIS_URL);
  beforeAll(() => Promise.all([connected(a), connected(b)]));
  afterAll(async () => {
    await Promise.all([a.cache.close(), b.cache.close()]);
    a.redis.disconnect();
    b.redis.disconnect();
  });

  it("answers repeat reads from memory, without Redis", async () => {
    const key = `l1:${randomUUID()}`;
    const read = () => b.cache.getOrSet({ key, ttl: 60, load: async () => "value" });
    expect((await read()).status).toBe("MISS");
    const before = b.counts.l1Hits;
    expect(await read()).toEqual({ value: "value", status: "HIT" });
    expect(b.counts.l1Hits).toBe(before + 1);
  });

  it("peeks at B's memory only: not at what Redis holds, nor at what an invalidation dropped", async () => {
    const key = `l1:${randomUUID()}`;
    const tag = `tag-${randomUUID()}`;
    const read = (node: typeof a) => node.cache.getOrSet({ key, ttl: 60, tags: [tag], load: async () => "value" });
    expect((await read(a)).status).toBe("MISS");
    expect([b.cache.peek(key), b.cache.inMemory(key)]).toEqual([undefined, false]); // in Redis, not in B's memory
    expect((await read(b)).status).toBe("HIT");
    const before = b.counts.l1Hits;
    expect(b.cache.inMemory(key)).toBe(true);
    expect(b.counts.l1Hits).toBe(before); // a question, not a read
    expect(b.cache.peek(key)).toBe("value");
    expect(b.counts.l1Hits).toBe(before + 1);

    const received = b.counts.invalidations;
    await a.cache.invalidateTags(tag);
    await waitFor(() => b.counts.invalidations > received, 5_000, "B to receive the invalidation");
    expect([b.cache.peek(key), b.cache.inMemory(key)]).toEqual([undefined, false]);
  });

  it("drops an entry on B when A invalidates its tag: B's next read is fresh", async () => {
    const key = `l1:${randomUUID()}`;
    const tag = `tag-${randomUUID()}`;
    let source = "v1";
    const read = () => b.cache.getOrSet({ key, ttl: 60, tags: [tag], load: async () => source });
    await read();
    expect((await read()).status).toBe("HIT");

    source = "v2"; // a write, committed
    const received = b.counts.invalidations;
    expect(await a.cache.invalidateTags(tag)).toBe(true);
    await waitFor(() => b.counts.invalidations > received, 5_000, "B to receive the invalidation");
    expect(await read()).toEqual({ value: "v2", status: "MISS" });
  });

  it("never keeps in L1 a value B loaded while A's invalidation of it arrived", async () => {
    const key = `l1:${randomUUID()}`;
    const tag = `tag-${randomUUID()}`;
    let source = "v1";
    let release!: () => void;
    const loading = new Promise<void>((resolve) => (release = resolve));
    let started = false;
    const slowRead = b.cache.getOrSet({
      key,
      ttl: 60,
      tags: [tag],
      load: async () => {
        const value = source; // read from the database before the write...
        started = true;
        await loading;
        return value;
      },
    });
    await waitFor(() => started, 5_000, "B's load to start");
    source = "v2"; // ...and the write commits meanwhile
    const received = b.counts.invalidations;
    await a.cache.invalidateTags(tag);
    await waitFor(() => b.counts.invalidations > received, 5_000, "B to receive the invalidation");
    release();
    expect((await slowRead).value).toBe("v1"); // this call began before the write: fine
    const next = await b.cache.getOrSet({ key, ttl: 60, tags: [tag], load: async () => source });
    expect(next.value).toBe("v2");
  });

  it("drops an entry on B when A invalidates its key", async () => {
    const key = `l1:${randomUUID()}`;
    let source = "v1";
    const read = () => b.cache.getOrSet({ key, ttl: 60, load: async () => source });
    await read();
    source = "v2";
    const received = b.counts.invalidations;
    await a.cache.invalidateKeys(key);
    await waitFor(() => b.counts.invalidations > received, 5_000, "B to receive the invalidation");
    expect((await read()).value).toBe("v2");
  });

  it("empties and bypasses the L1 when the channel is cut, and uses it again once back", async () => {
    const key = `l1:${randomUUID()}`;
    const read = () => b.cache.getOrSet({ key, ttl: 60, load: async () => "value" });
    await read();
    expect((await read()).status).toBe("HIT");
    const [clears, l1Hits] = [b.counts.l1Clears, b.counts.l1Hits];

    const admin = new Redis(env.CACHE_REDIS_URL);
    await admin.client("KILL", "TYPE", "pubsub"); // every subscription of the test Redis, B's included
    admin.disconnect();
    await waitFor(() => b.counts.l1Clears > clears, 5_000, "B to notice the lost channel");
    await waitFor(() => b.cache.l1Active(), 5_000, "B to subscribe again");

    expect((await read()).status).toBe("HIT"); // from Redis: the L1 was emptied
    expect(b.counts.l1Hits).toBe(l1Hits);
    expect((await read()).status).toBe("HIT");
    expect(b.counts.l1Hits).toBe(l1Hits + 1);
  });
});

describe("L1 while Redis is down", () => {
  let server: ThrowawayRedis;
  let node: ReturnType<typeof instance>;
  beforeAll(async () => {
    server = await ThrowawayRedis.start();
    node = instance(server.url);
    await connected(node);
  });
  afterAll(async () => {
    await node.cache.close();
    node.redis.disconnect();
    await server.destroy();
  });

  it("is emptied and bypassed while Redis is down, and used again when it is back", async () => {
    let source = "v1";
    const read = () => node.cache.getOrSet({ key: "l1:down", ttl: 60, load: async () => source });
    await read();
    expect((await read()).status).toBe("HIT");

    expect(node.cache.peek("l1:down")).toBe("v1");

    await server.kill();
    await waitFor(() => !node.cache.l1Active(), 5_000, "the L1 to be switched off");
    // It cannot hear invalidations now.
    expect([node.cache.peek("l1:down"), node.cache.inMemory("l1:down")]).toEqual([undefined, false]);
    source = "v2"; // a write committed while Redis is down: its invalidation cannot be sent yet
    expect(await node.cache.invalidateKeys("l1:down")).toBe(false);
    expect(await read()).toEqual({ value: "v2", status: "BYPASS" });

    await server.restart(); // with its append-only file: the old entry is still in there
    await waitFor(
      async () => (await read()).status !== "BYPASS" && node.cache.l1Active(),
      10_000,
      "the cache to recover",
    );
    expect(node.counts.l1Clears).toBeGreaterThan(0);
    // The kept invalidation went out before the first read from Redis: never the old value.
    expect((await read()).value).toBe("v2");
  });
});
