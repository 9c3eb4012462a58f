import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freePort } from "@/tests/support/ports";
import { operatorHeaders } from "@/tests/support/operator";
import { getRequest, readJson, routeContext } from "@/tests/support/routes";

// PostgreSQL is unreachable (nothing listens on its port); Redis is up.
let routes: {
  product: typeof import("@/app/api/products/[slug]/route");
  health: typeof import("@/app/api/health/route");
  stock: typeof import("@/app/api/stock/[productId]/route");
  redis: typeof import("@/lib/redis/clients");
};

beforeAll(async () => {
  process.env.DATABASE_URL = `postgresql://brisk@127.0.0.1:${await freePort()}/brisk_test`;
  routes = {
    product: await import("@/app/api/products/[slug]/route"),
    health: await import("@/app/api/health/route"),
    stock: await import("@/app/api/stock/[productId]/route"),
    redis: await import("@/lib/redis/clients"),
  };
});

afterAll(() => routes.redis.closeRedisClients());

describe("with PostgreSQL unreachable", () => {
  it("reports 503 down", async () => {
    const response = await routes.health.GET(getRequest("/api/health", { headers: operatorHeaders() }));
    expect(response.status).toBe(503);
    expect(await readJson(response)).toMatchObject({
      status: "down",
      postgres: "down",
      redis: { state: "up", cache: "up" },
    });
  });

  it("answers an uncached product with 503 unavailable in the error shape, no stack trace", async () => {
    const slug = "not-in-the-cache-anywhere";
    const response = await routes.product.GET(getRequest(`/api/products/${slug}`), routeContext({ slug }));
    expect(response.status).toBe(503);
    const body = await readJson<{ error: { code: string; message: string } }>(response);
    expect(body.error.code).toBe("unavailable");
    expect(JSON.stringify(body)).not.toMatch(/at .*\.ts|Error:|ECONNREFUSED/);
  });

  it("answers a live stock stream with 503 once its first read has waited 5 s, and keeps no place", async () => {
    const started = performance.now();
    const request = getRequest("/api/stock/1");
    const response = await routes.stock.GET(request, routeContext({ productId: "1" }));
    expect(response.status).toBe(503);
    expect((await readJson<{ error: { code: string } }>(response)).error.code).toBe("unavailable");
    expect(performance.now() - started).toBeLessThan(15_000);
    const { stockWatch } = await import("@/lib/catalog/stock-watch");
    expect(stockWatch().watching).toBe(0);
  });
});
