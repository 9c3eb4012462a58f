import Redis from "ioredis";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { ThrowawayRedis } from "@/tests/support/redis-server";
import { waitFor } from "@/tests/support/wait";
import { createCache } from "./cache";

/** Blocks the event loop, as a burst of CPU-bound work does. */
function blockFor(ms: number): void {
  const until = Date.now() + ms;
  while (Date.now() < until);
}

// A Redis of the test's own, killed, paused and restarted: the cache must keep answering from the loader.
let server: ThrowawayRedis;
let client: Redis;

beforeAll(async () => {
  server = await ThrowawayRedis.start();
  client = new Redis(server.url, {
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    commandTimeout: 100,
    connectTimeout: 500,
    retryStrategy: () => 50,
  });
  client.on("error", () => undefined);
  await waitFor(() => client.status === "ready", 5_000, "the client to connect");
});

afterAll(async () => {
  client.disconnect();
  await server.destroy();
});

describe("fail-open", () => {
  it("answers from the loader when Redis is down, opens the breaker, and recovers by itself", async () => {
    let redisCalls = 0;
    const cache = createCache({
      redis: () => (redisCalls++, client),
      breaker: { threshold: 3, cooldownMs: 200 },
    });
    const load = vi.fn(async () => "from postgres");
    const read = () => cache.getOrSet({ key: "fail-open:product", ttl: 60, load });
    expect((await read()).status).toBe("MISS");
    expect((await read()).status).toBe("HIT");

    await server.kill();
    const started = Date.now();
    for (let i = 0; i < 5; i++) expect(await read()).toEqual({ value: "from postgres", status: "BYPASS" });
    // Generous: only a hang (waiting through retries or a queue) would take this long.
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(cache.breakerState()).toBe("open");
    // While open, the cache does not even try Redis: the loader answers directly.
    const [loadsBefore, callsBefore] = [load.mock.calls.length, redisCalls];
    expect((await read()).status).toBe("BYPASS");
    expect(load.mock.calls.length).toBe(loadsBefore + 1);
    expect(redisCalls).toBe(callsBefore);

    await server.restart();
    await waitFor(() => client.status === "ready", 10_000, "the client to reconnect");
    // After the cooldown one probe goes through, succeeds, and the breaker closes: the cache works again.
    await waitFor(async () => (await read()).status !== "BYPASS", 10_000, "the cache to use Redis again");
    expect(cache.breakerState()).toBe("closed");
    expect((await read()).status).toBe("HIT");
  });

  it("bounds a slow Redis by the command timeout and answers from the loader", async () => {
    const cache = createCache({ redis: () => client, breaker: { threshold: 100 } });
    const read = () => cache.getOrSet({ key: "fail-open:slow", ttl: 60, load: async () => "loaded" });
    await waitFor(() => client.status === "ready", 10_000, "the client to be ready");
    server.pause();
    try {
      const started = Date.now();
      expect(await read()).toEqual({ value: "loaded", status: "BYPASS" });
      expect(Date.now() - started).toBeLessThan(2_000);
    } finally {
      server.resume();
    }
  });

  it("times each round trip from when it is sent: a busy loop between the two of a tagged read is not Redis failing", async () => {
    // A process that has not read the key before does not know its tags: the first round trip brings the
    // entry (and TIME, with no estimate of Redis' clock yet), the second the tags' stamps. Here the loop is
    // busy for three deadlines right after the first is sent, so its reply is read only in the turn in which
    // its timer has fired: one deadline over both round trips would fail the read though Redis answered at once.
    // A client of its own, without ioredis' commandTimeout (a plain timer, which the busy loop would trip).
    const own = new Redis(server.url, { enableOfflineQueue: false, maxRetriesPerRequest: 1 });
    await waitFor(() => own.status === "ready", 5_000, "the client to connect");
    let blockAfterNextTime = false;
    const busyAfterTime = new Proxy(own, {
      get(target, property) {
        if (property === "pipeline")
          return () => {
            const pipeline = target.pipeline();
            const exec = pipeline.exec.bind(pipeline);
            pipeline.exec = () => {
              const reply = exec();
              if (blockAfterNextTime) queueMicrotask(() => blockFor(300));
              blockAfterNextTime = false;
              return reply;
            };
            return pipeline;
          };
        const value = Reflect.get(target, property, target);
        return typeof value === "function" ? value.bind(target) : value;
      },
    });
    try {
      const cache = createCache({ redis: () => busyAfterTime, commandTimeoutMs: 100 });
      const load = vi.fn(async () => "from postgres");
      const read = (reader = cache) =>
        reader.getOrSet({ key: "fail-open:tagged", ttl: 60, tags: () => ["fail-open"], load });
      expect((await read()).status).toBe("MISS");

      const otherProcess = createCache({ redis: () => busyAfterTime, commandTimeoutMs: 100 });
      blockAfterNextTime = true;
      expect(await read(otherProcess)).toEqual({ value: "from postgres", status: "HIT" });
      expect(blockAfterNextTime).toBe(false); // the loop was blocked
      expect(load).toHaveBeenCalledTimes(1);
      expect(otherProcess.breakerState()).toBe("closed");
    } finally {
      own.disconnect();
    }
  });
});
