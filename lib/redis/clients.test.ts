import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freePort } from "@/tests/support/ports";

// The clients must fail fast: against a Redis that is not there, nothing queues and nothing waits twice.
let clients: typeof import("./clients");

beforeAll(async () => {
  const port = await freePort();
  process.env.REDIS_URL = `redis://127.0.0.1:${port}`;
  process.env.CACHE_REDIS_URL = `redis://127.0.0.1:${port}`;
  process.env.REDIS_READY_TIMEOUT_MS = "300";
  clients = await import("./clients");
});

afterAll(() => clients.closeRedisClients());

describe("Redis clients against an unreachable server", () => {
  it("wait for the first connection once, bounded, and answer at once after that", async () => {
    const started = Date.now();
    expect(await clients.awaitReady("cache")).toBe(false);
    expect(Date.now() - started).toBeGreaterThanOrEqual(250);
    const again = Date.now();
    expect(await clients.awaitReady("cache")).toBe(false);
    expect(Date.now() - again).toBeLessThan(50);
  });

  it("reject a command at once instead of queueing it for a reconnect", async () => {
    await expect(clients.redisClient("cache").get("anything")).rejects.toThrow(/enableOfflineQueue options is false/);
  });

  it("share one connection when the cache and the state use the same server", () => {
    expect(clients.redisClient("cache")).toBe(clients.redisClient("state"));
  });

  it("send cart and session writes on the state connection when they wait for no replica", () => {
    expect(clients.redisClient("durable")).toBe(clients.redisClient("state"));
  });
});
