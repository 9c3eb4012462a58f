import Redis from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ThrowawayRedis } from "@/tests/support/redis-server";

// The project's Redis configuration, as the provisioning starts it (the same arguments, another port).
let server: ThrowawayRedis;
let client: Redis;

beforeAll(async () => {
  server = await ThrowawayRedis.start();
  client = new Redis(server.url);
});

afterAll(async () => {
  client.disconnect();
  await server.destroy();
});

describe("the project's Redis configuration", () => {
  it("keeps an append-only file and never evicts carts or sessions", async () => {
    expect(await client.config("GET", "appendonly")).toEqual(["appendonly", "yes"]);
    expect(await client.config("GET", "appendfsync")).toEqual(["appendfsync", "always"]);
    expect(await client.config("GET", "maxmemory-policy")).toEqual(["maxmemory-policy", "noeviction"]);
    expect(await client.config("GET", "bind")).toEqual(["bind", "127.0.0.1"]);
  });
});
