import { describe, expect, it, vi } from "vitest";

// Next.js may evaluate a module once per route bundle, and `next dev` again on every reload: the
// process-wide state must survive a fresh module graph.
describe("process-wide state", () => {
  it("is one per process, however many times its modules are evaluated", async () => {
    const first = {
      cache: (await import("./cache")).cache,
      metrics: (await import("./metrics/registry")).metrics,
      db: (await import("./db")).db,
      connections: (await import("./redis/clients")).redisClient("cache"),
    };
    vi.resetModules();
    const second = {
      cache: (await import("./cache")).cache,
      metrics: (await import("./metrics/registry")).metrics,
      db: (await import("./db")).db,
      connections: (await import("./redis/clients")).redisClient("cache"),
    };
    expect(second.cache).toBe(first.cache);
    expect(second.metrics.registry).toBe(first.metrics.registry);
    expect(second.db).toBe(first.db);
    expect(second.connections).toBe(first.connections);
    await Promise.all([first.db.$disconnect(), (await import("./redis/clients")).closeRedisClients()]);
  });
});
