import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { closeRedisClients } from "@/lib/redis/clients";
import { AppServer } from "@/tests/support/app-server";
import { BrowserClient } from "@/tests/support/browser-client";
import { addToCart, checkoutBody, freshVariant, postCheckout } from "@/tests/support/checkout-fixtures";
import { freePort } from "@/tests/support/ports";
import { ThrowawayRedis } from "@/tests/support/redis-server";

// Sessions live in a throwaway Redis (the project's configuration) that the test kills and starts again:
// a Redis outage must never sign anyone out.

let redis: ThrowawayRedis;
let server: AppServer;

beforeAll(async () => {
  redis = await ThrowawayRedis.start();
  server = await AppServer.start("sessions app", await freePort(), {
    REDIS_URL: redis.url,
    CACHE_REDIS_URL: process.env.REDIS_URL!,
  });
}, 90_000);

afterAll(async () => {
  await server?.stop();
  await redis?.destroy();
  await closeRedisClients();
  await db.$disconnect();
});

describe("with the session Redis down", () => {
  it("keeps the cookie, says sign-in is briefly unavailable, and the same cookie works once Redis is back", async () => {
    const shopper = new BrowserClient(server.origin);
    await shopper.signIn(`shopper-${randomUUID()}@example.com`);
    const cookie = shopper.sessionToken!;
    expect((await shopper.fetch("/api/account")).status).toBe(200);
    const variant = await freshVariant(5);
    await addToCart(shopper, variant.id);
    const placed = await postCheckout(shopper, checkoutBody());
    expect(placed.status).toBe(201);

    await redis.kill();
    // Auth.js' own session endpoint: the adapter throws, so Auth.js keeps the cookie (null would clear it).
    const session = await shopper.fetch("/api/auth/session");
    expect(session.status).toBeLessThan(500);
    expect(session.headers.getSetCookie().some((line) => line.startsWith("authjs.session-token="))).toBe(false);
    expect(shopper.sessionToken).toBe(cookie);

    const account = await shopper.fetch("/api/account");
    expect(account.status).toBe(503);
    expect((await account.json()).error.code).toBe("unavailable");
    // Their own order: "briefly unavailable", never a final "not found".
    const order = await shopper.fetch(`/api/orders/${placed.json.order.id}`);
    expect(order.status).toBe(503);
    const page = await shopper.fetch("/signin");
    expect(page.status).toBe(200);
    expect(await page.text()).toContain("Sign-in is briefly unavailable");
    const home = await shopper.fetch("/");
    expect(home.status).toBe(200); // the catalog keeps working
    // The header asks who is signed in separately; it says sign-in is briefly unavailable, and the cookie stays.
    const header = await shopper.fetch("/api/shopper");
    expect(header.status).toBe(200);
    expect(await header.json()).toEqual({ account: "unavailable", cartCount: null });
    expect(shopper.sessionToken).toBe(cookie);

    await redis.restart();
    await expect.poll(async () => (await shopper.fetch("/api/account")).status, { timeout: 15_000 }).toBe(200);
    expect(shopper.sessionToken).toBe(cookie);
  });
});
