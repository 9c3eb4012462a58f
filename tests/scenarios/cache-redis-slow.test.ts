import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ThrowawayRedis } from "@/tests/support/redis-server";
import { getRequest, routeContext } from "@/tests/support/routes";

// The cache's Redis is a throwaway server the test freezes (SIGSTOP): connected, but silent.
let server: ThrowawayRedis;
let routes: {
  product: typeof import("@/app/api/products/[slug]/route");
  db: typeof import("@/lib/db");
  redis: typeof import("@/lib/redis/clients");
};

beforeAll(async () => {
  server = await ThrowawayRedis.start();
  process.env.CACHE_REDIS_URL = server.url;
  // The cache's deadline; the clients' own timeout is a 10 s backstop that this test must not need.
  process.env.REDIS_COMMAND_TIMEOUT_MS = "100";
  routes = {
    product: await import("@/app/api/products/[slug]/route"),
    db: await import("@/lib/db"),
    redis: await import("@/lib/redis/clients"),
  };
});

afterAll(async () => {
  await Promise.all([routes.db.db.$disconnect(), routes.redis.closeRedisClients()]);
  await server.destroy();
});

describe("with the cache's Redis frozen", () => {
  it("answers from PostgreSQL within the command timeout (BYPASS), and from the cache again once it thaws", async () => {
    const [warm, cold] = await routes.db.db.product.findMany({
      where: { status: "ACTIVE" },
      take: 2,
      orderBy: { id: "asc" },
    });
    const get = (slug: string) => routes.product.GET(getRequest(`/api/products/${slug}`), routeContext({ slug }));
    expect((await get(warm.slug)).headers.get("x-cache")).toBe("MISS");
    expect((await get(warm.slug)).headers.get("x-cache")).toBe("HIT");

    server.pause();
    try {
      const started = Date.now();
      const response = await get(cold.slug);
      expect(response.status).toBe(200);
      expect(response.headers.get("x-cache")).toBe("BYPASS");
      // Generous over the 100 ms deadline, yet far short of the clients' 10 s backstop.
      expect(Date.now() - started).toBeLessThan(700);
    } finally {
      server.resume();
    }
    expect((await get(warm.slug)).headers.get("x-cache")).toBe("HIT");
  });
});
