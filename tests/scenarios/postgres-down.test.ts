import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freePort } from "@/tests/support/ports";
import { operatorHeaders } from "@/tests/support/operator";
import { getRequest, readJson, routeContext } from "@/tests/support/routes";

// PostgreSQL is unreachable (nothing listens on its port); Redis is up.
let routes: {
  product: typeof import("@/app/api/products/[slug]/route");
  health: typeof import("@/app/api/health/route");
  redis: typeof import("@/lib/redis/clients");
};

beforeAll(async () => {
  process.env.DATABASE_URL = `postgresql://brisk@127.0.0.1:${await freePort()}/brisk_test`;
  routes = {
    product: await import("@/app/api/products/[slug]/route"),
    health: await import("@/app/api/health/route"),
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
});
