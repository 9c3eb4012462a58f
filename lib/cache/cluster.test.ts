import { randomUUID } from "node:crypto";
import type { Cluster } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { recordingMetrics } from "@/tests/support/cache-metrics";
import { ThrowawayCluster } from "@/tests/support/redis-cluster";
import { waitFor } from "@/tests/support/wait";
import { createCache } from "./cache";

// The cache on a real three-node Redis Cluster: entries, tags, locks and the invalidation channel
// land in different hash slots on different nodes, and nothing may fail with CROSSSLOT.
let cluster: ThrowawayCluster;
const clients: Cluster[] = [];

function instance() {
  const client = cluster.client();
  clients.push(client);
  const { metrics, counts } = recordingMetrics();
  const cache = createCache({
    redis: () => client,
    subscriber: () => {
      const subscriber = cluster.client();
      clients.push(subscriber);
      return subscriber;
    },
    metrics,
  });
  return { cache, counts };
}

beforeAll(async () => {
  cluster = await ThrowawayCluster.start();
}, 60_000);

afterAll(async () => {
  for (const client of clients) client.disconnect();
  await cluster?.destroy();
});

describe("on Redis Cluster", () => {
  it("stores, tags, invalidates and keeps two instances' L1 coherent without a cross-slot command", async () => {
    const [a, b] = [instance(), instance()];
    const tags = Array.from({ length: 8 }, () => `tag-${randomUUID()}`); // spread over the slots
    const keys = Array.from({ length: 8 }, () => `cluster:${randomUUID()}`);
    let version = 1;
    const read = (node: typeof a, key: string) =>
      node.cache.getOrSet({ key, ttl: 60, tags, load: async () => version });

    for (const key of keys) expect((await read(b, key)).status).toBe("MISS");
    await waitFor(() => b.cache.l1Active(), 10_000, "B's invalidation channel");
    for (const key of keys) await read(b, key);
    for (const key of keys) expect(await read(b, key)).toEqual({ value: 1, status: "HIT" });
    expect(b.counts.l1Hits).toBeGreaterThan(0);

    version = 2;
    const received = b.counts.invalidations;
    expect(await a.cache.invalidateTags(tags[5])).toBe(true);
    await waitFor(() => b.counts.invalidations > received, 10_000, "B to hear of the invalidation");
    for (const key of keys) expect((await read(b, key)).value).toBe(2);
    expect(b.counts.requests.error ?? 0).toBe(0);
    expect(b.cache.breakerState()).toBe("closed");
    expect(a.cache.breakerState()).toBe("closed");
  }, 60_000);

  it("runs one load for concurrent readers of a cold key through two instances", async () => {
    const [a, b] = [instance(), instance()];
    const key = `cluster:${randomUUID()}`;
    let loads = 0;
    const load = async () => {
      loads++;
      await new Promise((resolve) => setTimeout(resolve, 100));
      return "once";
    };
    const reads = [a, b].flatMap((node) =>
      Array.from({ length: 50 }, () => node.cache.getOrSet({ key, ttl: 60, load })),
    );
    const results = await Promise.all(reads);
    expect(loads).toBe(1);
    expect(results.every((result) => result.value === "once" && result.status !== "BYPASS")).toBe(true);
  }, 60_000);
});
