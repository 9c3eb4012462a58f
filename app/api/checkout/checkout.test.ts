import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { updateVariants } from "@/lib/catalog/mutations";
import { db } from "@/lib/db";
import { closeRedisClients, redisClient } from "@/lib/redis/clients";
import { orderKeys } from "@/lib/orders/keys";
import { AppServer } from "@/tests/support/app-server";
import { BrowserClient } from "@/tests/support/browser-client";
import {
  addToCart,
  checkoutBody,
  DECLINED_CARD,
  freshVariant,
  postCheckout,
  stockOf,
} from "@/tests/support/checkout-fixtures";
import { freePort } from "@/tests/support/ports";

// Checkout through two standalone server instances at once, on the test database and Redis.
let servers: AppServer[];
const client = (i = 0) => new BrowserClient(servers[i % 2].origin);
const paidOrdersOf = (variantId: number) =>
  db.order.count({ where: { status: "PAID", lines: { some: { variantId } } } });

beforeAll(async () => {
  servers = await Promise.all([1, 2].map(async (n) => AppServer.start(`checkout ${n}`, await freePort(), {})));
}, 90_000);

afterAll(async () => {
  await Promise.all(servers.map((server) => server.stop()));
  await closeRedisClients();
  await db.$disconnect();
});

describe("checkout under concurrency", () => {
  it("50 checkouts of a variant with stock 10 make exactly 10 paid orders and leave stock 0", async () => {
    const variant = await freshVariant(10);
    const shoppers = Array.from({ length: 50 }, (_, i) => client(i));
    for (const shopper of shoppers) expect((await addToCart(shopper, variant.id)).status).toBe(200);
    const answers = await Promise.all(shoppers.map((shopper) => postCheckout(shopper, checkoutBody())));
    const statuses = answers.map((answer) => answer.status);
    expect(statuses.filter((status) => status === 201)).toHaveLength(10);
    expect(statuses.filter((status) => status === 409)).toHaveLength(40);
    for (const answer of answers.filter((a) => a.status === 409)) expect(answer.json.error.code).toBe("out_of_stock");
    expect(await stockOf(variant.id)).toBe(0);
    expect(await paidOrdersOf(variant.id)).toBe(10);
  });

  it("carts holding the same two variants in opposite orders never deadlock or oversell", async () => {
    const [a, b] = [await freshVariant(5), await freshVariant(5)];
    const shoppers = Array.from({ length: 16 }, (_, i) => client(i));
    for (const [i, shopper] of shoppers.entries()) {
      for (const variant of i % 2 === 0 ? [a, b] : [b, a]) await addToCart(shopper, variant.id);
    }
    const answers = await Promise.all(shoppers.map((shopper) => postCheckout(shopper, checkoutBody())));
    expect(answers.filter((answer) => answer.status === 201)).toHaveLength(5);
    expect(answers.every((answer) => answer.status === 201 || answer.status === 409)).toBe(true);
    expect([await stockOf(a.id), await stockOf(b.id)]).toEqual([0, 0]);
  });

  it("one short line: 409 out_of_stock naming it, and the other lines' stock is not taken", async () => {
    const [plenty, scarce] = [await freshVariant(8), await freshVariant(1)];
    const [shopper, rival] = [client(0), client(1)];
    await addToCart(shopper, plenty.id, 2);
    await addToCart(shopper, scarce.id, 1);
    await addToCart(rival, scarce.id, 1);
    expect((await postCheckout(rival, checkoutBody())).status).toBe(201); // takes the last one
    const answer = await postCheckout(shopper, checkoutBody());
    expect(answer.status).toBe(409);
    expect(answer.json.error.code).toBe("out_of_stock");
    expect(answer.json.error.details.lines.map((line: { variantId: number }) => line.variantId)).toEqual([scarce.id]);
    expect([await stockOf(plenty.id), await stockOf(scarce.id)]).toEqual([8, 0]);
  });

  it("the same Idempotency-Key sent twice at once makes one order", async () => {
    const variant = await freshVariant(5);
    const shopper = client();
    await addToCart(shopper, variant.id, 2);
    const body = checkoutBody();
    const key = randomUUID();
    const [first, second] = await Promise.all([postCheckout(shopper, body, key), postCheckout(shopper, body, key)]);
    expect([first.status, second.status].sort()).toEqual([200, 201]);
    expect(first.json.order.id).toBe(second.json.order.id);
    expect(await paidOrdersOf(variant.id)).toBe(1);
    expect(await stockOf(variant.id)).toBe(3);
    // Later, the same key and body replay the order; another body is a conflict.
    expect((await postCheckout(shopper, body, key)).json.order.id).toBe(first.json.order.id);
    const other = await postCheckout(shopper, { ...body, name: "Someone Else" }, key);
    expect(other.status).toBe(409);
    expect(other.json.error.code).toBe("idempotency_conflict");
  });
});

describe("idempotency without Redis' record", () => {
  it("a lost Redis record cannot make a second order: the unique column answers with the first", async () => {
    const variant = await freshVariant(5);
    const shopper = client();
    await addToCart(shopper, variant.id);
    const body = checkoutBody();
    const key = randomUUID();
    const first = await postCheckout(shopper, body, key);
    expect(first.status).toBe(201);
    const cartId = shopper.cookies.get("brisk_cart")!;
    await redisClient("state").del(orderKeys.idempotency(`c:${cartId}`, key));
    const again = await postCheckout(shopper, body, key);
    expect(again.status).toBe(200);
    expect(again.json.order.id).toBe(first.json.order.id);
    expect(await db.order.count({ where: { lines: { some: { variantId: variant.id } } } })).toBe(1);
    expect(await stockOf(variant.id)).toBe(4);
  });
});

describe("payment and prices", () => {
  it("a declined order whose Redis record was lost answers declined again, never as placed", async () => {
    const variant = await freshVariant(4);
    const shopper = client();
    await addToCart(shopper, variant.id);
    const body = checkoutBody({ cardNumber: DECLINED_CARD });
    const key = randomUUID();
    const first = await postCheckout(shopper, body, key);
    expect(first.status).toBe(402);
    await redisClient("state").del(orderKeys.idempotency(`c:${shopper.cookies.get("brisk_cart")}`, key));
    const again = await postCheckout(shopper, body, key);
    expect(again.status).toBe(402);
    expect(again.json.error.code).toBe("payment_declined");
    expect(again.json.order).toEqual(first.json.order);
    expect(await stockOf(variant.id)).toBe(4);
  });

  it("a declined card: 402, no paid order, the stock as it was, the cart kept", async () => {
    const variant = await freshVariant(7);
    const shopper = client();
    await addToCart(shopper, variant.id, 3);
    const answer = await postCheckout(shopper, checkoutBody({ cardNumber: DECLINED_CARD }));
    expect(answer.status).toBe(402);
    expect(answer.json.error.code).toBe("payment_declined");
    expect(await stockOf(variant.id)).toBe(7);
    expect(await paidOrdersOf(variant.id)).toBe(0);
    const failed = await db.order.findUniqueOrThrow({ where: { id: answer.json.order.id } });
    expect(failed.status).toBe("PAYMENT_FAILED");
    expect((await (await shopper.fetch("/api/cart")).json()).cart.count).toBe(3);
  });

  it("a price changed before the summary: the summary and the order show the new price", async () => {
    const variant = await freshVariant(5, 1_000);
    const shopper = client();
    await addToCart(shopper, variant.id);
    await updateVariants(variant.productId, [{ variantId: variant.id, priceCents: 1_250 }]);
    const { cart } = await (await shopper.fetch("/api/cart")).json();
    expect(cart.lines[0].unitPriceCents).toBe(1_250);
    const answer = await postCheckout(shopper, checkoutBody({ fingerprint: cart.fingerprint }));
    expect(answer.status).toBe(201);
    expect(answer.json.order.lines[0].unitPriceCents).toBe(1_250);
    expect(answer.json.order.subtotalCents).toBe(1_250);
  });

  it("a price changed after the summary: 409 cart_changed with the new summary; nothing charged or written", async () => {
    const variant = await freshVariant(5, 2_000);
    const shopper = client(1);
    await addToCart(shopper, variant.id);
    const { cart } = await (await shopper.fetch("/api/cart")).json();
    await updateVariants(variant.productId, [{ variantId: variant.id, priceCents: 2_400 }]);
    const ordersBefore = await db.order.count();
    const answer = await postCheckout(shopper, checkoutBody({ fingerprint: cart.fingerprint }));
    expect(answer.status).toBe(409);
    expect(answer.json.error.code).toBe("cart_changed");
    expect(answer.json.cart.lines[0].unitPriceCents).toBe(2_400);
    expect(answer.json.cart.fingerprint).not.toBe(cart.fingerprint);
    expect(await db.order.count()).toBe(ordersBefore);
    expect(await stockOf(variant.id)).toBe(5);
    // With the new summary's fingerprint, the order goes through at the new price.
    const retried = await postCheckout(shopper, checkoutBody({ fingerprint: answer.json.cart.fingerprint }));
    expect(retried.status).toBe(201);
    expect(retried.json.order.totalCents).toBe(answer.json.totalCents);
  });

  it("after payment: the cart is empty and the product shows the lower stock on the other instance", async () => {
    const variant = await freshVariant(9);
    const shopper = new BrowserClient(servers[0].origin);
    await (await fetch(`${servers[1].origin}/api/products/${variant.slug}`)).json(); // cached there
    await addToCart(shopper, variant.id, 4);
    expect((await postCheckout(shopper, checkoutBody())).status).toBe(201);
    expect((await (await shopper.fetch("/api/cart")).json()).cart.count).toBe(0);
    const { product } = await (await fetch(`${servers[1].origin}/api/products/${variant.slug}`)).json();
    expect(product.variants.find((v: { id: number }) => v.id === variant.id).stock).toBe(5);
  });
});

describe("bad input changes nothing", () => {
  it.each([
    ["a missing field", () => ({ ...checkoutBody(), name: undefined })],
    ["an over-long address", () => checkoutBody({ line1: "x".repeat(201) })],
    ["an unknown card", () => checkoutBody({ cardNumber: "4111 1111 1111 1111" })],
  ])("%s: 400 invalid_input", async (_name, body) => {
    const variant = await freshVariant(3);
    const shopper = client();
    await addToCart(shopper, variant.id);
    const ordersBefore = await db.order.count();
    const answer = await postCheckout(shopper, body());
    expect(answer.status).toBe(400);
    expect(answer.json.error.code).toBe("invalid_input");
    expect(await db.order.count()).toBe(ordersBefore);
    expect(await stockOf(variant.id)).toBe(3);
    expect((await (await shopper.fetch("/api/cart")).json()).cart.count).toBe(1);
  });

  it("an empty cart, and a missing Idempotency-Key: 400 invalid_input", async () => {
    const empty = await postCheckout(client(), checkoutBody());
    expect(empty.status).toBe(400);
    expect(empty.json.error.message).toMatch(/cart is empty/);
    const response = await client().fetch("/api/checkout", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(checkoutBody()),
    });
    expect(response.status).toBe(400);
  });
});

describe("who sees an order", () => {
  it("a guest with the token sees it; without it, with another token, or signed in as someone else: 404", async () => {
    const variant = await freshVariant(4);
    const guest = client();
    await addToCart(guest, variant.id);
    const key = randomUUID();
    const { json } = await postCheckout(guest, checkoutBody(), key);
    const { id, number } = json.order;
    const token = json.order.accessToken as string;
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    // The token is stored nowhere: not in the order (only its hash), not in the replay record.
    const record = await redisClient("state").get(orderKeys.idempotency(`c:${guest.cookies.get("brisk_cart")}`, key));
    expect(record).toContain(id);
    expect(record).not.toContain(token);
    expect(JSON.stringify(await db.order.findUniqueOrThrow({ where: { id } }))).not.toContain(token);
    const byToken = await fetch(`${servers[1].origin}/api/orders/${id}?token=${token}`);
    expect(byToken.status).toBe(200);
    expect((await byToken.json()).order.number).toBe(number);

    const stranger = client(1);
    await stranger.signIn(`stranger-${randomUUID()}@example.com`);
    for (const path of [`/api/orders/${id}`, `/api/orders/${id}?token=${"x".repeat(43)}`, `/api/orders/nope`]) {
      const response = await stranger.fetch(path);
      expect(response.status).toBe(404);
      expect((await response.json()).error.code).toBe("not_found");
    }
  });
});
