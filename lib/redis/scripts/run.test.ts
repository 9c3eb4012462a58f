import Redis from "ioredis";
import { afterAll, beforeAll, expect, it } from "vitest";
import { commandCounts } from "@/tests/support/redis-commands";
import { ThrowawayRedis } from "@/tests/support/redis-server";
import { runScript } from "./run";

let server: ThrowawayRedis;
let redis: Redis;

beforeAll(async () => {
  server = await ThrowawayRedis.start();
  redis = new Redis(server.url);
});

afterAll(async () => {
  redis.disconnect();
  await server.destroy();
});

const INCREMENT = "return redis.call('INCRBY', KEYS[1], ARGV[1])";

it("sends a script's text once, then only its hash, and again after Redis forgets it", async () => {
  await redis.config("RESETSTAT");
  expect(await runScript(redis, INCREMENT, ["counter"], 2)).toBe(2);
  expect(await runScript(redis, INCREMENT, ["counter"], 3)).toBe(5);
  // The first EVALSHA is answered NOSCRIPT, then EVAL loads the script; the second call is one EVALSHA.
  expect(await commandCounts(redis)).toEqual({ evalsha: 2, eval: 1, incrby: 2 });

  await redis.script("FLUSH"); // as after a restart
  await redis.config("RESETSTAT");
  expect(await runScript(redis, INCREMENT, ["counter"], 1)).toBe(6);
  expect(await commandCounts(redis)).toEqual({ evalsha: 1, eval: 1, incrby: 1 });
});

it("passes a script's own errors on", async () => {
  await expect(runScript(redis, "return redis.call('NOPE')", [])).rejects.toThrow(/Unknown Redis command/i);
});
