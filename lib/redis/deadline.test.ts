import Redis from "ioredis";
import { describe, expect, it } from "vitest";
import { env } from "../env";
import { RedisTimeoutError, withDeadline } from "./deadline";

/** Blocks the event loop, as a burst of CPU-bound work does. */
function blockFor(ms: number): void {
  const until = Date.now() + ms;
  while (Date.now() < until);
}

describe("withDeadline", () => {
  it("rejects a promise that does not settle in time", async () => {
    await expect(withDeadline(new Promise(() => undefined), 30)).rejects.toBeInstanceOf(RedisTimeoutError);
  });

  it("passes results and errors through", async () => {
    expect(await withDeadline(Promise.resolve(7), 30)).toBe(7);
    await expect(withDeadline(Promise.reject(new Error("no")), 30)).rejects.toThrow("no");
  });

  it("does not blame Redis for our own blocked event loop", async () => {
    const redis = new Redis(env.REDIS_URL);
    try {
      await redis.ping();
      // Redis answers at once, but this process is busy for five times the deadline before it reads the reply.
      const call = withDeadline(redis.ping(), 20);
      blockFor(100);
      expect(await call).toBe("PONG");
    } finally {
      redis.disconnect();
    }
  });
});
