import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { db } from "../db";
import { closeRedisClients } from "../redis/clients";
import { AppServer } from "@/tests/support/app-server";
import { freshVariant, stockOf } from "@/tests/support/checkout-fixtures";
import { freePort } from "@/tests/support/ports";
import { STALE_PENDING_MS, sweepStalePendingOrders } from "./sweep";

// The sweep of pending orders left by a crash between taking stock and the payment's answer.

afterAll(async () => {
  await closeRedisClients();
  await db.$disconnect();
});

/** What a crashed checkout leaves: the stock taken, and the order pending since `ageMs` ago. */
async function crashedCheckout(
  variantId: number,
  quantity: number,
  ageMs: number,
  status: "PENDING" | "PAID" = "PENDING",
) {
  await db.variant.update({ where: { id: variantId }, data: { stock: { decrement: quantity } } });
  return db.order.create({
    data: {
      number: `BR-T${randomUUID().slice(0, 8)}`,
      status,
      email: "crash@example.com",
      name: "Crash",
      addressLine1: "1 Lost Road",
      city: "Nowhere",
      postalCode: "00000",
      country: "US",
      currency: "USD",
      subtotalCents: 100 * quantity,
      shippingCents: 0,
      taxCents: 0,
      totalCents: 100 * quantity,
      idempotencyKey: `test:${randomUUID()}`,
      createdAt: new Date(Date.now() - ageMs),
      lines: {
        create: [{ variantId, productSlug: "x", name: "X", sku: "X", options: {}, unitPriceCents: 100, quantity }],
      },
    },
  });
}

describe("sweepStalePendingOrders", () => {
  it("cancels a pending order older than 15 minutes and gives its stock back, once", async () => {
    const variant = await freshVariant(10);
    const stale = await crashedCheckout(variant.id, 3, STALE_PENDING_MS + 60_000);
    const recent = await crashedCheckout(variant.id, 2, 60_000);
    const paid = await crashedCheckout(variant.id, 1, STALE_PENDING_MS + 60_000, "PAID");
    expect(await stockOf(variant.id)).toBe(4);

    expect(await sweepStalePendingOrders()).toContain(stale.id);
    expect(await stockOf(variant.id)).toBe(7);
    const statuses = await db.order.findMany({ where: { id: { in: [stale.id, recent.id, paid.id] } } });
    expect(Object.fromEntries(statuses.map((o) => [o.id, o.status]))).toEqual({
      [stale.id]: "CANCELLED",
      [recent.id]: "PENDING",
      [paid.id]: "PAID",
    });
    // Two sweeps at once (two instances) on a new stale order restore its stock once.
    const another = await crashedCheckout(variant.id, 2, STALE_PENDING_MS + 60_000);
    expect(await stockOf(variant.id)).toBe(5);
    const [one, two] = await Promise.all([sweepStalePendingOrders(), sweepStalePendingOrders()]);
    expect([...one, ...two].filter((id) => id === another.id)).toHaveLength(1);
    expect(await stockOf(variant.id)).toBe(7);
  });

  it("runs on its own in a running app", async () => {
    const server = await AppServer.start("sweeping app", await freePort(), { ORDER_SWEEP_INTERVAL_MS: "200" });
    try {
      const variant = await freshVariant(6);
      const stale = await crashedCheckout(variant.id, 2, STALE_PENDING_MS + 1_000);
      await expect
        .poll(async () => (await db.order.findUniqueOrThrow({ where: { id: stale.id } })).status, { timeout: 15_000 })
        .toBe("CANCELLED");
      expect(await stockOf(variant.id)).toBe(6);
    } finally {
      await server.stop();
    }
  }, 90_000);
});
