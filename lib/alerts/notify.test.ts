import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { updateVariants } from "../catalog/mutations";
import { db } from "../db";
import { readDevMailbox } from "../mail/dev-mailbox";
import { sendMail } from "../mail/send";
import { closeRedisClients } from "../redis/clients";
import { freshVariant } from "@/tests/support/checkout-fixtures";
import { backInStockMail } from "./mails";
import { alertMailKey, notifyRestocked } from "./notify";
import { restockable, subscribeToRestock, unsubscribe } from "./subscribe";
import { unsubscribeToken } from "./token";

// Back-in-stock alerts on the test database, mailed to the dev mailbox of the test Redis.

const email = () => `alert-${randomUUID()}@example.com`;
const LEASE_MS = 60_000;
const worker = (workerId: string) => () => notifyRestocked({ workerId, batch: 4, leaseMs: LEASE_MS });
const backInStockMails = async (to: string) =>
  (await readDevMailbox(to)).filter((mail) => mail.subject.startsWith("Back in stock:"));

/** One alert on a sold-out variant, then the variant back in stock (`stock`). */
async function restockedAlert(stock: number) {
  const variant = await freshVariant(0);
  const to = email();
  await subscribeToRestock(variant.id, to);
  await updateVariants(variant.productId, [{ variantId: variant.id, stock }]);
  return { variant, to };
}

/** Rounds until a round sends nothing: the mails this worker sent. */
async function drain(round: () => Promise<number>): Promise<number> {
  let total = 0;
  for (let sent = await round(); sent > 0; sent = await round()) total += sent;
  return total;
}

afterAll(async () => {
  await Promise.all([db.$disconnect(), closeRedisClients()]);
});

describe("asking for an alert", () => {
  let variant: Awaited<ReturnType<typeof freshVariant>>;
  beforeAll(async () => {
    variant = await freshVariant(0);
  });

  it("keeps one pending alert per variant and address, however often it is asked", async () => {
    const to = email();
    const first = await subscribeToRestock(variant.id, to);
    const second = await subscribeToRestock(variant.id, to);
    expect(first.fresh).toBe(true);
    expect(second).toEqual({ ...first, fresh: false });
    expect(await db.stockAlert.count({ where: { variantId: variant.id, email: to } })).toBe(1);
  });

  it("may be asked for a sold-out variant only", async () => {
    const inStock = await freshVariant(3);
    expect(await restockable(variant.id)).toMatchObject({ kind: "sold_out", product: { slug: variant.slug } });
    expect(await restockable(inStock.id)).toEqual({ kind: "in_stock" });
    expect(await restockable(2_000_000_000)).toEqual({ kind: "not_found" });
  });

  it("is stopped by its mail's link alone, and by no made-up link", async () => {
    const { alertId } = await subscribeToRestock(variant.id, email());
    expect(await unsubscribe(alertId, "x".repeat(43))).toBe(false);
    expect(await unsubscribe(randomUUID(), unsubscribeToken(alertId))).toBe(false);
    expect(await unsubscribe(alertId, unsubscribeToken(alertId))).toBe(true);
    expect(await db.stockAlert.count({ where: { id: alertId } })).toBe(0);
    expect(await unsubscribe(alertId, unsubscribeToken(alertId))).toBe(false);
  });
});

describe("mailing alerts once the variant is back", () => {
  it("mails nobody while sold out, then each subscriber once with two workers at it together", async () => {
    const variant = await freshVariant(0);
    const subscribers = Array.from({ length: 10 }, email);
    for (const to of subscribers) await subscribeToRestock(variant.id, to);
    expect(await worker("a")()).toBe(0);

    await updateVariants(variant.productId, [{ variantId: variant.id, stock: 4 }]);
    const [a, b] = await Promise.all([drain(worker("a")), drain(worker("b"))]);
    expect(a + b).toBe(subscribers.length);
    for (const to of subscribers) expect(await backInStockMails(to)).toHaveLength(1);
    expect(await db.stockAlert.count({ where: { variantId: variant.id, notifiedAt: null } })).toBe(0);
  });

  it("takes over a dead worker's claims only once their lease ran out", async () => {
    const { variant, to } = await restockedAlert(2);
    await db.stockAlert.updateMany({
      where: { variantId: variant.id },
      data: { claimedBy: "dead", claimedAt: new Date() },
    });
    expect(await drain(worker("a"))).toBe(0);
    await db.stockAlert.updateMany({
      where: { variantId: variant.id },
      data: { claimedAt: new Date(Date.now() - LEASE_MS - 1_000) },
    });
    expect(await drain(worker("a"))).toBe(1);
    expect(await backInStockMails(to)).toHaveLength(1);
  });

  it("sends no second mail when a worker died after handing its mail over but before recording it", async () => {
    const { variant, to } = await restockedAlert(2);
    const alert = await db.stockAlert.findFirstOrThrow({ where: { variantId: variant.id, email: to } });
    // What the dead worker did: claimed it, handed its mail over, and died.
    await db.stockAlert.update({
      where: { id: alert.id },
      data: { claimedBy: "dead", claimedAt: new Date(Date.now() - LEASE_MS - 1_000) },
    });
    const product = { name: "Anything", slug: variant.slug };
    await sendMail(backInStockMail({ to, product, sku: "SKU" }), { once: alertMailKey(alert) });
    expect(await drain(worker("a"))).toBe(1);
    expect(await backInStockMails(to)).toHaveLength(1);
  });

  it("mails again for the next restock when asked again after the mail", async () => {
    const { variant, to } = await restockedAlert(1);
    expect(await drain(worker("a"))).toBe(1);
    await updateVariants(variant.productId, [{ variantId: variant.id, stock: 0 }]);
    expect(await subscribeToRestock(variant.id, to)).toMatchObject({ fresh: true });
    await updateVariants(variant.productId, [{ variantId: variant.id, stock: 1 }]);
    expect(await drain(worker("a"))).toBe(1);
    expect(await backInStockMails(to)).toHaveLength(2);
  });
});
