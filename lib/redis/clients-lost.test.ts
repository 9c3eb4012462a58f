import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ThrowawayRedis } from "@/tests/support/redis-server";
import { waitFor } from "@/tests/support/wait";

// A connection that was up and is lost is known to be down: nothing waits for it to come back.
let server: ThrowawayRedis;
let clients: typeof import("./clients");

beforeAll(async () => {
  server = await ThrowawayRedis.start();
  process.env.REDIS_URL = server.url;
  process.env.CACHE_REDIS_URL = server.url;
  process.env.REDIS_READY_TIMEOUT_MS = "5000";
  clients = await import("./clients");
});

afterAll(async () => {
  await clients.closeRedisClients();
  await server.destroy();
});

describe("a Redis client whose connection was lost", () => {
  it("answers not ready at once, without waiting for a reconnect, and ready again once back", async () => {
    expect(await clients.awaitReady("cache")).toBe(true);
    await server.kill();
    await waitFor(() => clients.redisClient("cache").status !== "ready", 5_000, "the client to see the loss");
    // A plain false, not a promise: the caller fails over in the same turn.
    expect(clients.awaitReady("cache")).toBe(false);
    await server.restart();
    await waitFor(() => clients.awaitReady("cache") === true, 10_000, "the client to reconnect");
  });
});
