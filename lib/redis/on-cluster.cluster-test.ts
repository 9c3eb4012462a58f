import { Cluster } from "ioredis";
import { describe, expect, it } from "vitest";
import { redisClient } from "./clients";
import { withStateRedis } from "./state";

// Run by the cluster suite only (vitest.cluster.config.ts): the suite's other files ran on what this checks.
describe("the cluster suite", () => {
  it("runs every Redis role on one Redis Cluster of three masters with a replica each", async () => {
    expect(redisClient("state")).toBeInstanceOf(Cluster);
    expect(redisClient("cache")).toBe(redisClient("state"));
    // Cart and session writes wait for a replica (WAIT) over connections of their own.
    expect(redisClient("durable")).toBeInstanceOf(Cluster);
    expect(redisClient("durable")).not.toBe(redisClient("state"));
    const info = await withStateRedis((redis) => redis.cluster("INFO"));
    expect(info).toContain("cluster_state:ok");
    expect(info).toContain("cluster_known_nodes:6");
    expect(info).toContain("cluster_size:3");
  });
});
