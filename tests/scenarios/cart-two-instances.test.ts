import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { AppServer } from "@/tests/support/app-server";
import { freePort } from "@/tests/support/ports";

// Two standalone server instances of the built app, on two ports, sharing the test database and Redis.
let servers: AppServer[];
let variants: { id: number; stock: number }[];

beforeAll(async () => {
  servers = await Promise.all([1, 2].map(async (n) => AppServer.start(`instance ${n}`, await freePort(), {})));
  variants = await db.variant.findMany({
    where: { stock: { gte: 20, lte: 60 }, product: { status: "ACTIVE" } },
    select: { id: true, stock: true },
    take: 4,
    orderBy: { id: "asc" },
  });
}, 90_000);

afterAll(async () => {
  await Promise.all(servers.map((server) => server.stop()));
  await db.$disconnect();
});

async function call(server: AppServer, cookie: string | null, method: string, path: string, body?: unknown) {
  const response = await fetch(server.origin + path, {
    method,
    headers: { "content-type": "application/json", ...(cookie ? { cookie: `brisk_cart=${cookie}` } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const set = /brisk_cart=([^;]+)/.exec(response.headers.get("set-cookie") ?? "")?.[1] ?? null;
  return { status: response.status, json: await response.json(), cookie: set ?? cookie };
}

const quantities = (json: { cart: { lines: { variantId: number; quantity: number }[] } }) =>
  Object.fromEntries(json.cart.lines.map((line) => [line.variantId, line.quantity]));

describe("one cart, two app instances", () => {
  it("ends at exactly the stock after 100 concurrent adds of 1, spread over both", async () => {
    const [variant] = variants;
    const started = await call(servers[0], null, "POST", "/api/cart/items", { variantId: variant.id, quantity: 1 });
    const cookie = started.cookie!;
    const adds = Array.from({ length: 99 }, (_, i) =>
      call(servers[i % 2], cookie, "POST", "/api/cart/items", { variantId: variant.id, quantity: 1 }),
    );
    const answers = await Promise.all(adds);
    expect(answers.every((answer) => answer.status === 200)).toBe(true);
    const final = await call(servers[1], cookie, "GET", "/api/cart");
    expect(quantities(final.json)).toEqual({ [variant.id]: variant.stock });
  }, 60_000);

  it("applies two multi-line carts' updates, sent in opposite orders at once, exactly", async () => {
    const [, a, b, c] = variants;
    const carts = await Promise.all(
      servers.map((server) => call(server, null, "POST", "/api/cart/items", { variantId: c.id, quantity: 1 })),
    );
    const cookies = carts.map((cart) => cart.cookie!);
    const orders = [
      [a, b, c],
      [c, b, a],
    ];
    const rounds = 5;
    await Promise.all(
      cookies.flatMap((cookie, cart) =>
        Array.from({ length: rounds }, () =>
          Promise.all(
            orders[cart].map((variant, step) =>
              call(servers[(cart + step) % 2], cookie, "POST", "/api/cart/items", {
                variantId: variant.id,
                quantity: 1,
              }),
            ),
          ),
        ),
      ),
    );
    for (const cookie of cookies) {
      const final = await call(servers[0], cookie, "GET", "/api/cart");
      expect(quantities(final.json)).toEqual({ [a.id]: rounds, [b.id]: rounds, [c.id]: rounds + 1 });
    }
  }, 60_000);

  it("reads and changes through one instance the cart written through the other", async () => {
    const [, a, b] = variants;
    const written = await call(servers[0], null, "POST", "/api/cart/items", { variantId: a.id, quantity: 2 });
    const cookie = written.cookie!;
    expect(quantities((await call(servers[1], cookie, "GET", "/api/cart")).json)).toEqual({ [a.id]: 2 });
    await call(servers[1], cookie, "PATCH", `/api/cart/items/${a.id}`, { quantity: 5 });
    await call(servers[1], cookie, "POST", "/api/cart/items", { variantId: b.id, quantity: 1 });
    expect(quantities((await call(servers[0], cookie, "GET", "/api/cart")).json)).toEqual({ [a.id]: 5, [b.id]: 1 });
  }, 60_000);
});
