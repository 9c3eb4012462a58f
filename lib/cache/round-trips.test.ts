import Redis from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ThrowawayRedis } from "@/tests/support/redis-server";
import { waitFor } from "@/tests/support/wait";
import { createCache } from "./cache";
import { cacheKeys } from "./keys";
import { commandCounts } from "@/tests/support/redis-commands";

// What a Redis hit, and a burst's miss before its load, cost: counted by Redis itself (INFO commandstats) on a
// server of the test's own.
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

// A burst of callers on a key that Redis cannot answer: the key's lock goes with the read, so the load
// starts on the read's answer.
describe("a burst of callers on one key", () => {
  const cache = createCache({ redis: () => client }); // no L1: every read below goes to Redis
  const lock = (key: string) => cacheKeys("").lock(key);

  /**
   * 50 callers at once; the commands Redis had run when the loader started, and the answers. The lock is
   * released once the value is stored: the next burst waits for that.
   */
  async function burst(key: string): Promise<{ before: Record<string, number> | null; statuses: string[] }> {
    let before: Record<string, number> | null = null;
    await admin.config("RESETSTAT");
    const load = async () => {
      before = await commandCounts(admin);
      return `value of ${key}`;
    };
    const answers = await Promise.all(
      Array.from({ length: 50 }, () => cache.getOrSet({ key, ttl: 60, tags: [`tag-of-${key}`], load })),
    );
    await waitFor(async () => (await admin.exists(lock(key))) === 0, 2_000, "the lock's release");
    return { before, statuses: answers.map((answer) => answer.status) };
  }

  beforeAll(() => burst("warm-up")); // Redis has the script from then on (one EVALSHA, not EVALSHA and EVAL)

  it("on a missing entry, takes the lock with its read: the load starts after that one command", async () => {
    const { before, statuses } = await burst("missing");
    expect(before).toMatchObject({ evalsha: 1, set: 1 });
    expect(before).not.toHaveProperty("mget");
    expect(statuses.filter((status) => status === "MISS")).toHaveLength(50);
  });

  it("on an entry invalidated by its tag, takes the lock with its read too", async () => {
    await burst("invalidated");
    await cache.invalidateTags("tag-of-invalidated");
    const { before, statuses } = await burst("invalidated");
    expect(before).toMatchObject({ evalsha: 1, set: 1 });
    expect(before).not.toHaveProperty("mget");
    expect(statuses.every((status) => status === "MISS")).toBe(true);
  });

  it("whose load fails, gives the lock back at once, not when it expires", async () => {
    let heldDuringLoad: string | null = null;
    const load = async (): Promise<string> => {
      heldDuringLoad = await admin.get(lock("failing"));
      throw new Error("the database is down");
    };
    const outcomes = await Promise.all(
      Array.from({ length: 10 }, () => cache.getOrSet({ key: "failing", ttl: 60, load }).catch((error) => error)),
    );
    expect(outcomes.every((outcome) => outcome instanceof Error)).toBe(true);
    expect(heldDuringLoad).not.toBeNull();
    // The lock lives 5 s: gone within one, it was released.
    await waitFor(async () => (await admin.exists(lock("failing"))) === 0, 1_000, "the lock's release");
  });

  it("on an entry that answers, takes no lock", async () => {
    await burst("present");
    const { before, statuses } = await burst("present");
    expect(before).toBeNull(); // no load
    const counts = await commandCounts(admin);
    expect(counts).toMatchObject({ evalsha: 1 });
    expect(counts).not.toHaveProperty("set");
    expect(statuses.every((status) => status === "HIT")).toBe(true);
  });
});
