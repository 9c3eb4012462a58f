import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { updateVariants } from "@/lib/catalog/mutations";
import { db } from "@/lib/db";
import { closeRedisClients, redisClient } from "@/lib/redis/clients";
import { cartKeys } from "@/lib/cart/keys";
import { CartClient } from "@/tests/support/cart-requests";
import { readJson } from "@/tests/support/routes";

// The cart API through its route handlers, on the test database and the test Redis namespace.
type CartBody = {
  cart: {
    lines: { variantId: number; quantity: number; unitPriceCents: number; problem?: string; available: number }[];
    count: number;
    subtotalCents: number;
    fingerprint: string;
  };
};
type ErrorBody = { error: { code: string; message: string } };

let inStock: { id: number; stock: number; priceCents: number; productId: number };
let another: { id: number };
let soldOut: { id: number };

beforeAll(async () => {
  inStock = await db.variant.findFirstOrThrow({
    where: { stock: { gte: 10, lte: 60 }, product: { status: "ACTIVE" } },
    orderBy: { id: "asc" },
  });
  another = await db.variant.findFirstOrThrow({
    where: { stock: { gte: 5 }, id: { not: inStock.id }, productId: { not: inStock.productId } },
    orderBy: { id: "desc" },
  });
  soldOut = await db.variant.findFirstOrThrow({ where: { stock: 0, product: { status: "ACTIVE" } } });
});

afterAll(async () => {
  await Promise.all([db.$disconnect(), closeRedisClients()]);
});

const linesOf = async (client: CartClient) => (await readJson<CartBody>(await client.get())).cart.lines;
const stored = async (client: CartClient) =>
  redisClient("state").hgetall(cartKeys.cart({ kind: "guest", id: client.cookie! }));

describe("reading", () => {
  it("answers the empty cart without a cookie, and sets none and stores nothing", async () => {
    const response = await new CartClient().get();
    expect(response.status).toBe(200);
    expect(response.headers.get("set-cookie")).toBeNull();
    expect(await readJson(response)).toEqual({
      cart: { lines: [], count: 0, subtotalCents: 0, currency: "USD", fingerprint: expect.any(String) },
    });
  });
});

describe("adding", () => {
  it("starts a cart with an unguessable httpOnly, SameSite=Lax cookie, and adds to its line", async () => {
    const client = new CartClient();
    const first = await client.add({ variantId: inStock.id, quantity: 2 });
    expect(first.status).toBe(200);
    const cookie = first.headers.get("set-cookie")!;
    expect(cookie).toMatch(/^brisk_cart=[A-Za-z0-9_-]{22};/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=lax/i);
    expect(cookie).toMatch(/Path=\//);
    expect(cookie).toMatch(/Max-Age=2592000/);
    expect(cookie).not.toMatch(/Secure/); // the local site is http
    await client.add({ variantId: inStock.id, quantity: 1 });
    const body = await readJson<CartBody>(await client.get());
    expect(body.cart.lines).toEqual([
      expect.objectContaining({ variantId: inStock.id, quantity: 3, unitPriceCents: inStock.priceCents }),
    ]);
    expect(body.cart).toMatchObject({ count: 3, subtotalCents: 3 * inStock.priceCents });
  });

  it("clamps to the stock with 200, the line and a notice", async () => {
    const client = new CartClient();
    const response = await client.add({ variantId: inStock.id, quantity: 99 });
    expect(response.status).toBe(200);
    const body = await readJson<{ line: { quantity: number }; notice: string }>(response);
    expect(body.line).toEqual({ variantId: inStock.id, quantity: inStock.stock });
    expect(body.notice).toContain(`Only ${inStock.stock} in stock`);
  });

  it("answers 409 out_of_stock for a variant with no stock, and changes nothing", async () => {
    const client = new CartClient();
    await client.add({ variantId: another.id, quantity: 1 });
    const before = await stored(client);
    const response = await client.add({ variantId: soldOut.id, quantity: 1 });
    expect(response.status).toBe(409);
    expect((await readJson<ErrorBody>(response)).error.code).toBe("out_of_stock");
    expect(await stored(client)).toEqual(before);
  });

  it("answers 409 cart_full for a 101st line", async () => {
    const client = new CartClient();
    await client.add({ variantId: inStock.id, quantity: 1 });
    const key = cartKeys.cart({ kind: "guest", id: client.cookie! });
    for (let fake = 1_000_000; fake < 1_000_099; fake++) await redisClient("state").hset(key, String(fake), "1");
    const response = await client.add({ variantId: another.id, quantity: 1 });
    expect(response.status).toBe(409);
    expect((await readJson<ErrorBody>(response)).error.code).toBe("cart_full");
    expect(await redisClient("state").hlen(key)).toBe(100);
  });
});

describe("bad input changes nothing", () => {
  const cases: [string, unknown, number, string][] = [
    ["an unknown variant", { variantId: 999_999_999, quantity: 1 }, 404, "not_found"],
    ["a fractional quantity", { variantId: 0, quantity: 1.5 }, 400, "invalid_input"],
    ["a quantity of 0", { variantId: 0, quantity: 0 }, 400, "invalid_input"],
    ["a quantity over 99", { variantId: 0, quantity: 100 }, 400, "invalid_input"],
    ["a quantity as text", { variantId: 0, quantity: "2" }, 400, "invalid_input"],
    ["no quantity", { variantId: 0 }, 400, "invalid_input"],
    ["a body that is not JSON", "{variantId:", 400, "invalid_input"],
    ["a body over 16 KB", { variantId: 0, quantity: 1, padding: "x".repeat(17_000) }, 413, "payload_too_large"],
  ];
  it.each(cases)("%s", async (_name, body, status, code) => {
    const client = new CartClient();
    await client.add({ variantId: inStock.id, quantity: 1 });
    const before = await stored(client);
    const withVariant =
      typeof body === "object" && body && (body as { variantId?: number }).variantId === 0
        ? { ...body, variantId: inStock.id }
        : body;
    const response = await client.add(withVariant);
    expect(response.status).toBe(status);
    expect((await readJson<ErrorBody>(response)).error.code).toBe(code);
    expect(await stored(client)).toEqual(before);
  });

  it("a request from another site: 403 forbidden", async () => {
    const client = new CartClient();
    await client.add({ variantId: inStock.id, quantity: 1 });
    const before = await stored(client);
    const response = await client.add({ variantId: inStock.id, quantity: 1 }, { origin: "https://evil.example" });
    expect(response.status).toBe(403);
    expect((await readJson<ErrorBody>(response)).error.code).toBe("forbidden");
    expect(await stored(client)).toEqual(before);
  });

  it("a forged or unknown cart cookie: a fresh empty cart under a new id, never someone else's", async () => {
    const victim = new CartClient();
    await victim.add({ variantId: inStock.id, quantity: 3 });
    // A string that is not one of our ids, and a well-formed id that names no cart.
    for (const cookie of ["forged<script>", randomBytes(16).toString("base64url")]) {
      const stranger = new CartClient(cookie);
      expect(await linesOf(stranger)).toEqual([]);
      await stranger.add({ variantId: another.id, quantity: 1 });
      expect(stranger.cookie).not.toBe(cookie);
      expect((await linesOf(stranger)).map((line) => line.variantId)).toEqual([another.id]);
    }
    expect((await linesOf(victim)).map((line) => line.quantity)).toEqual([3]);
  });
});

describe("changing lines", () => {
  it("sets a quantity, removes with 0 or DELETE, and 404s a line not in the cart", async () => {
    const client = new CartClient();
    await client.add({ variantId: inStock.id, quantity: 1 });
    await client.add({ variantId: another.id, quantity: 1 });
    expect((await client.set(inStock.id, { quantity: 4 })).status).toBe(200);
    expect((await client.set(another.id, { quantity: 0 })).status).toBe(200);
    expect((await linesOf(client)).map((l) => [l.variantId, l.quantity])).toEqual([[inStock.id, 4]]);
    const notInCart = await client.set(another.id, { quantity: 2 });
    expect([notInCart.status, (await readJson<ErrorBody>(notInCart)).error.code]).toEqual([404, "not_found"]);
    expect((await client.remove(inStock.id)).status).toBe(200);
    expect(await linesOf(client)).toEqual([]);
    const unknown = await client.remove(999_999_999);
    expect([unknown.status, (await readJson<ErrorBody>(unknown)).error.code]).toEqual([404, "not_found"]);
  });

  const badChanges: [string, string | number, unknown][] = [
    ["a variant id that is not a number", "abc", { quantity: 1 }],
    ["a negative quantity", 0, { quantity: -1 }],
    ["a quantity over 99", 0, { quantity: 100 }],
    ["a fractional quantity", 0, { quantity: 2.5 }],
  ];
  it.each(badChanges)("PATCH with %s: 400 invalid_input, and changes nothing", async (_name, variantId, body) => {
    const client = new CartClient();
    await client.add({ variantId: inStock.id, quantity: 3 });
    const before = await stored(client);
    const response = await client.set(variantId === 0 ? inStock.id : variantId, body);
    expect(response.status).toBe(400);
    expect((await readJson<ErrorBody>(response)).error.code).toBe("invalid_input");
    expect(await stored(client)).toEqual(before);
  });
});

describe("the cart's view is priced live from the catalog", () => {
  it("shows a new price at once, changes its fingerprint, and flags an archived product", async () => {
    const client = new CartClient();
    await client.add({ variantId: inStock.id, quantity: 2 });
    const before = (await readJson<CartBody>(await client.get())).cart;
    try {
      await updateVariants(inStock.productId, [{ variantId: inStock.id, priceCents: inStock.priceCents + 500 }]);
      const after = (await readJson<CartBody>(await client.get())).cart;
      expect(after.lines[0].unitPriceCents).toBe(inStock.priceCents + 500);
      expect(after.subtotalCents).toBe(2 * (inStock.priceCents + 500));
      expect(after.fingerprint).not.toBe(before.fingerprint);
      await db.product.update({ where: { id: inStock.productId }, data: { status: "ARCHIVED" } });
      const { cache } = await import("@/lib/cache");
      await cache.invalidateTags(`product:${inStock.productId}`);
      const archived = (await readJson<CartBody>(await client.get())).cart;
      expect(archived.lines[0]).toMatchObject({ problem: "archived", available: 0 });
      expect(archived.subtotalCents).toBe(0);
    } finally {
      await db.product.update({ where: { id: inStock.productId }, data: { status: "ACTIVE" } });
      await updateVariants(inStock.productId, [{ variantId: inStock.id, priceCents: inStock.priceCents }]);
    }
  });
});
