import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ThrowawayRedis } from "@/tests/support/redis-server";
import { waitFor } from "@/tests/support/wait";

// The provisioned kind of Redis (same arguments: AOF on, fsync before each answer), killed with SIGKILL.
let server: ThrowawayRedis;
let store: typeof import("./store");
let clients: typeof import("../redis/clients");

beforeAll(async () => {
  server = await ThrowawayRedis.start();
  process.env.REDIS_URL = server.url;
  store = await import("./store");
  clients = await import("../redis/clients");
});

afterAll(async () => {
  await clients.closeRedisClients();
  await server.destroy();
});

describe("carts survive a crash of Redis", () => {
  it("keeps every cart written before a SIGKILL", async () => {
    expect(await clients.awaitReady("state")).toBe(true);
    expect(await clients.redisClient("state").config("GET", "appendonly")).toEqual(["appendonly", "yes"]);
    expect(await clients.redisClient("state").config("GET", "appendfsync")).toEqual(["appendfsync", "always"]);
    const owners = Array.from({ length: 20 }, (_, i) => ({
      kind: "guest" as const,
      id: `durable-cart-${String(i).padStart(9, "0")}`,
    }));
    for (const [i, owner] of owners.entries()) {
      await store.addCartItem(owner, 100 + i, i + 1, 50);
      await store.addCartItem(owner, 500, 1, 50);
    }
    await server.kill(); // no SHUTDOWN, no final save: only what the append-only file already holds
    await server.restart();
    await waitFor(() => clients.redisClient("state").status === "ready", 10_000, "the client to reconnect");
    for (const [i, owner] of owners.entries()) {
      expect(await store.readCartLines(owner)).toEqual(
        new Map([
          [100 + i, i + 1],
          [500, 1],
        ]),
      );
    }
  });
});
