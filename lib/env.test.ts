import { describe, expect, it } from "vitest";
import { LOCAL_DATABASE_URL, LOCAL_REDIS_URL, parseEnv } from "./env";

describe("parseEnv", () => {
  it("defaults to the project-local services, so a fresh clone needs no configuration", () => {
    const env = parseEnv({});
    expect(env.DATABASE_URL).toBe(LOCAL_DATABASE_URL);
    expect(env.REDIS_URL).toBe(LOCAL_REDIS_URL);
    expect(env.CACHE_REDIS_URL).toBe(LOCAL_REDIS_URL);
    expect(env.CACHE_MODE).toBe("on");
    expect(env.HOST).toBe("127.0.0.1");
    expect(env.PORT).toBe(3000);
  });

  it("lets the cache have a Redis of its own, else shares REDIS_URL", () => {
    expect(parseEnv({ REDIS_URL: "redis://state:6379" }).CACHE_REDIS_URL).toBe("redis://state:6379");
    const separate = parseEnv({ REDIS_URL: "redis://state:6379", CACHE_REDIS_URL: "redis://cache:6379" });
    expect(separate.CACHE_REDIS_URL).toBe("redis://cache:6379");
  });

  it("puts the cache on the state's Redis Cluster unless it has a Redis of its own, and checks the nodes", () => {
    const nodes = "10.0.0.1:6379,redis-b.internal:7000";
    expect(parseEnv({ REDIS_CLUSTER_NODES: nodes }).CACHE_REDIS_CLUSTER_NODES).toBe(nodes);
    expect(
      parseEnv({ REDIS_CLUSTER_NODES: nodes, CACHE_REDIS_URL: "redis://cache:6379" }).CACHE_REDIS_CLUSTER_NODES,
    ).toBe(undefined);
    expect(parseEnv({}).REDIS_CLUSTER_NODES).toBeUndefined();
    expect(() => parseEnv({ REDIS_CLUSTER_NODES: "10.0.0.1" })).toThrow(/REDIS_CLUSTER_NODES: host:port pairs/);
    expect(() => parseEnv({ REDIS_CLUSTER_NODES: "a:1, b:2" })).toThrow(/REDIS_CLUSTER_NODES/);
  });

  it("treats an empty variable as unset", () => {
    expect(parseEnv({ DATABASE_URL: "", CACHE_MODE: "" }).DATABASE_URL).toBe(LOCAL_DATABASE_URL);
  });

  it("coerces numbers and resolves the media folder to an absolute path", () => {
    const env = parseEnv({ REDIS_COMMAND_TIMEOUT_MS: "75", SEED_PRODUCTS: "5000", MEDIA_DIR: "media" });
    expect(env.REDIS_COMMAND_TIMEOUT_MS).toBe(75);
    expect(env.SEED_PRODUCTS).toBe(5000);
    expect(env.MEDIA_DIR).toMatch(/^\/.*\/media$/);
  });

  it("names every invalid variable in one error", () => {
    const parse = () =>
      parseEnv({
        DATABASE_URL: "mysql://x/y",
        CACHE_MODE: "sometimes",
        REDIS_COMMAND_TIMEOUT_MS: "-5",
        REDIS_KEY_PREFIX: "Brisk",
      });
    expect(parse).toThrow(/DATABASE_URL: must be a postgresql:\/\/ URL/);
    expect(parse).toThrow(/CACHE_MODE/);
    expect(parse).toThrow(/REDIS_COMMAND_TIMEOUT_MS/);
    expect(parse).toThrow(/REDIS_KEY_PREFIX/);
  });
});
