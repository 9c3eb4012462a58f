import { randomBytes } from "node:crypto";
import net from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CartOwner } from "@/lib/cart/types";
import { ThrowawayRedis } from "@/tests/support/redis-server";

// The state client reaches Redis through a proxy that can lose a reply: the connection closes after Redis
// ran a command, before the client read its answer.
let server: ThrowawayRedis;
let proxy: net.Server;
let loseNextReply = false;
let clients: typeof import("@/lib/redis/clients");
let cart: typeof import("@/lib/cart/store");
let state: typeof import("@/lib/redis/state");

beforeAll(async () => {
  server = await ThrowawayRedis.start();
  proxy = net.createServer((app) => {
    const redis = net.connect(server.port, "127.0.0.1");
    app.on("data", (bytes) => redis.write(bytes));
    redis.on("data", (bytes) => {
      if (!loseNextReply) return void app.write(bytes);
      loseNextReply = false;
      app.destroy();
    });
    app.on("close", () => redis.destroy());
    redis.on("close", () => app.destroy());
    app.on("error", () => undefined);
    redis.on("error", () => undefined);
  });
  await new Promise<void>((resolve) => proxy.listen(0, "127.0.0.1", resolve));
  process.env.REDIS_URL = `redis://127.0.0.1:${(proxy.address() as net.AddressInfo).port}`;
  process.env.CACHE_REDIS_URL = server.url;
  clients = await import("@/lib/redis/clients");
  cart = await import("@/lib/cart/store");
  state = await import("@/lib/redis/state");
});

afterAll(async () => {
  await clients?.closeRedisClients();
  await new Promise((resolve) => proxy?.close(resolve) ?? resolve(undefined));
  await server?.destroy();
});

describe("a state write whose connection closes before its reply", () => {
  it("is not sent again once reconnected: a cart add runs once, and its caller is told it may not have", async () => {
    const guest = (): CartOwner => ({ kind: "guest", id: randomBytes(16).toString("base64url") });
    const owner = guest();
    // Redis has the script once one add has run (the next add is one EVALSHA: its reply is the one lost).
    await cart.addCartItem(guest(), 1, 1, 99);
    const client = clients.redisClient("state");
    const reconnected = new Promise((resolve) => client.once("close", () => client.once("ready", resolve)));
    loseNextReply = true;
    await expect(cart.addCartItem(owner, 1, 1, 99)).rejects.toBeInstanceOf(state.StateUnavailableError);
    await reconnected;
    // A command sent again on reconnecting goes out before anything sent after: this read comes after it.
    expect(await cart.readCartLines(owner)).toEqual(new Map([[1, 1]]));
  });
});
