import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freePort } from "@/tests/support/ports";
import { operatorHeaders } from "@/tests/support/operator";
import { getRequest, readJson, routeContext } from "@/tests/support/routes";

// The cache's Redis is unreachable (nothing listens on its port); PostgreSQL and the state Redis are up.
let routes: {
  product: typeof import("@/app/api/products/[slug]/route");
  health: typeof import("@/app/api/health/route");
  db: typeof import("@/lib/db");
  redis: typeof import("@/lib/redis/clients");
};

beforeAll(async () => {
  process.env.CACHE_REDIS_URL = `redis://127.0.0.1:${await freePort()}`;
  routes = {
    product: await import("@/app/api/products/[slug]/route"),
    health: await import("@/app/api/health/route"),
    db: await import("@/lib/db"),
    redis: await import("@/lib/redis/clients"),
  };
});

afterAll(async () => {
  await Promise.all([routes.db.db.$disconnect(), routes.redis.closeRedisClients()]);
});

describe("with the cache's Redis unreachable", () => {
  it("still answers products, 200 with X-Cache: BYPASS, without hanging", async () => {
    const { slug } = await routes.db.db.product.findFirstOrThrow({ where: { status: "ACTIVE" } });
    const started = Date.now();
    for (let i = 0; i < 3; i++) {
      const response = await routes.product.GET(getRequest(`/api/products/${slug}`), routeContext({ slug }));
      expect(response.status).toBe(200);
      expect(response.headers.get("x-cache")).toBe("BYPASS");
      expect((await readJson<{ product: { slug: string } }>(response)).product.slug).toBe(slug);
    }
    // Generous: a hang (retries, an offline queue) would take far longer.
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it("reports 200 degraded, naming the cache's Redis, and the breaker open after repeated failures", async () => {
    const { slug } = await routes.db.db.product.findFirstOrThrow({ where: { status: "ACTIVE" } });
    for (let i = 0; i < 6; i++) await routes.product.GET(getRequest(`/api/products/${slug}`), routeContext({ slug }));
    const response = await routes.health.GET(getRequest("/api/health", { headers: operatorHeaders() }));
    expect(response.status).toBe(200);
    expect(await readJson(response)).toEqual({
      status: "degraded",
      postgres: "up",
      redis: { state: "up", cache: "down" },
      cacheBreaker: "open",
    });
  });
});
