import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ThrowawayRedis } from "@/tests/support/redis-server";
import { getRequest, readJson, routeContext } from "@/tests/support/routes";
import { waitFor } from "@/tests/support/wait";

// The one Redis of a small deployment (state and cache) goes down and comes back.
let server: ThrowawayRedis;
let modules: {
  cart: typeof import("@/tests/support/cart-requests");
  product: typeof import("@/app/api/products/[slug]/route");
  db: typeof import("@/lib/db");
  clients: typeof import("@/lib/redis/clients");
};

beforeAll(async () => {
  server = await ThrowawayRedis.start();
  process.env.REDIS_URL = server.url;
  process.env.CACHE_REDIS_URL = server.url;
  modules = {
    cart: await import("@/tests/support/cart-requests"),
    product: await import("@/app/api/products/[slug]/route"),
    db: await import("@/lib/db"),
    clients: await import("@/lib/redis/clients"),
  };
});

afterAll(async () => {
  await Promise.all([modules.db.db.$disconnect(), modules.clients.closeRedisClients()]);
  await server.destroy();
});

describe("with Redis down", () => {
  it("answers the cart API with 503 unavailable, keeps the catalog up, and has the cart back afterwards", async () => {
    const variant = await modules.db.db.variant.findFirstOrThrow({
      where: { stock: { gte: 5 }, product: { status: "ACTIVE" } },
      include: { product: true },
    });
    const client = new modules.cart.CartClient();
    expect((await client.add({ variantId: variant.id, quantity: 2 })).status).toBe(200);

    await server.kill();
    for (const response of [
      await client.get(),
      await client.add({ variantId: variant.id, quantity: 1 }),
      await client.set(variant.id, { quantity: 5 }),
    ]) {
      expect(response.status).toBe(503);
      expect(await readJson(response)).toEqual({
        error: { code: "unavailable", message: expect.stringMatching(/briefly unavailable/) },
      });
    }
    const slug = variant.product.slug;
    const product = await modules.product.GET(getRequest(`/api/products/${slug}`), routeContext({ slug }));
    expect(product.status).toBe(200);

    await server.restart();
    await waitFor(() => modules.clients.redisClient("state").status === "ready", 10_000, "the client to reconnect");
    const back = await readJson<{ cart: { lines: { variantId: number; quantity: number }[] } }>(await client.get());
    expect(back.cart.lines.map((line) => [line.variantId, line.quantity])).toEqual([[variant.id, 2]]);
  });
});
