import { afterAll, beforeAll, describe, expect, it } from "vitest";

// Cart and session writes wait for a replica: they get connections of their own (lib/redis/clients.ts).
process.env.REDIS_WAIT_REPLICAS = "1";
const { checkHealth } = await import("./check");
const { closeRedisClients, redisClient } = await import("@/lib/redis/clients");
const { db } = await import("@/lib/db");

beforeAll(async () => {
  expect(redisClient("durable")).not.toBe(redisClient("state"));
});

afterAll(async () => {
  await Promise.all([db.$disconnect(), closeRedisClients()]);
});

describe("checkHealth with connections of their own for durable writes", () => {
  it("reports the state Redis down when that client does not answer, though the state client does", async () => {
    expect((await checkHealth()).redis.state).toBe("up");
    redisClient("durable").disconnect();
    const health = await checkHealth();
    expect(await redisClient("state").ping()).toBe("PONG");
    expect(health.redis.state).toBe("down");
    expect(health.status).toBe("degraded");
  });
});
