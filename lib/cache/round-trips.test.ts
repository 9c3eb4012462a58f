import Redis from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ThrowawayRedis } from "@/tests/support/redis-server";
import { waitFor } from "@/tests/support/wait";
import { createCache } from "./cache";
import { cacheKeys } from "./keys";
import { commandCounts } from "@/tests/support/redis-commands";

// What a Redis hit costs, counted by Redis itself (INFO commandstats) on a server of the test's own.
let server: ThrowawayRedis;
let client: Redis;
let admin: Redis;

beforeAll(async () => {
  server = await ThrowawayRedis.start();
  client = new Redis(server.url, { enableOfflineQueue: false, maxRetriesPerRequest: 1 });
  admin = new Redis(server.url);
  await waitFor(() => client.status === "ready", 5_000, "the client to connect");
});

afterAll(async () => {
  client.disconnect();
  admin.disconnect();
  await server.destroy();
});

/** Commands Redis ran for `work`, by name (the counting commands themselves left out). */
async function commandsDuring(work: () => Promise<unknown>): Promise<Record<string, number>> {
  await admin.config("RESETSTAT");
  await work();
  return commandCounts(admin);
}

describe("a Redis hit", () => {
  const cache = createCache({ redis: () => client }); // no L1: every read below goes to Redis
  const read = (key: string) =>
    cache.getOrSet({ key, ttl: 60, tags: (value: string) => [`tag-of-${value}`, "listings"], load: async () => key });

  it("is one command, tags and clock included", async () => {
    await read("one"); // a miss: loads, and samples Redis' clock
    await read("one"); // the first hit of this process: learns the entry's tags
    expect(await commandsDuring(() => read("one"))).toEqual({ mget: 1 });
  });

  it("is one command per 16 reads of one tick, sent together", async () => {
    const keys = Array.from({ length: 64 }, (_, i) => `many:${i}`);
    for (const key of keys) await read(key);
    // A miss is answered before Redis confirms its write; the lock is released after: wait for the last.
    await waitFor(async () => (await admin.exists(cacheKeys("").lock(keys[63]))) === 0, 2_000, "the last store");
    const counts = await commandsDuring(() => Promise.all(keys.map(read)));
    expect(counts).toEqual({ mget: 4 });
    const answers = await Promise.all(keys.map(read));
    expect(answers.every(({ value, status }, i) => value === keys[i] && status === "HIT")).toBe(true);
  });

  it("sees a tag invalidated since, in that same command", async () => {
    await read("stamped");
    await read("stamped");
    await cache.invalidateTags("tag-of-stamped");
    const counts = await commandsDuring(async () => expect((await read("stamped")).status).toBe("MISS"));
    // The hit's read, then the miss's (with TIME): each with the stamps, none for the stamps alone.
    expect(counts.mget).toBe(2);
  });
});
