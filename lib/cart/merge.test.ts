import { randomBytes, randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "../db";
import { awaitReady, closeRedisClients, redisClient } from "../redis/clients";
import { cartKeys } from "./keys";
import type { CartOwner } from "./types";
import { applyGuestLines, deleteGuestCartIfUnchanged, mergeGuestCart } from "./merge";
import { addCartItem, MAX_QUANTITY_PER_LINE, readCartLines } from "./store";

// Merging a guest cart into a user's cart, against the real test Redis and catalog.

let variants: { id: number; stock: number }[];
const guest = (): CartOwner => ({ kind: "guest", id: randomBytes(16).toString("base64url") });
const user = (): CartOwner => ({ kind: "user", id: randomUUID() });

beforeAll(async () => {
  await awaitReady("state");
  variants = await db.variant.findMany({
    where: { stock: { gte: 5, lte: 40 }, product: { status: "ACTIVE" } },
    select: { id: true, stock: true },
    take: 3,
    orderBy: { id: "asc" },
  });
});
afterAll(async () => {
  await closeRedisClients();
  await db.$disconnect();
});

/** A guest cart and a user cart sharing one line (a), each with a line of its own (b, c). */
async function twoCarts() {
  const [a, b, c] = variants;
  const from = guest();
  const to = user();
  await addCartItem(from, a.id, 2, a.stock);
  await addCartItem(from, b.id, 1, b.stock);
  await addCartItem(to, a.id, 1, a.stock);
  await addCartItem(to, c.id, 3, c.stock);
  return { from, to, a, b, c };
}

describe("mergeGuestCart", () => {
  it("sums shared lines, keeps both carts' own lines, deletes the guest cart", async () => {
    const { from, to, a, b, c } = await twoCarts();
    expect(await mergeGuestCart(from.id, to.id)).toBe("merged");
    expect(await readCartLines(to)).toEqual(
      new Map([
        [a.id, 3],
        [b.id, 1],
        [c.id, 3],
      ]),
    );
    expect(await redisClient("state").exists(cartKeys.cart(from))).toBe(0);
  });

  it("clamps a summed line to the stock", async () => {
    const [a] = variants;
    const from = guest();
    const to = user();
    await addCartItem(from, a.id, a.stock, a.stock);
    await addCartItem(to, a.id, a.stock, a.stock);
    await mergeGuestCart(from.id, to.id);
    expect((await readCartLines(to)).get(a.id)).toBe(Math.min(a.stock, MAX_QUANTITY_PER_LINE));
  });

  it("run twice, merges once", async () => {
    const { from, to } = await twoCarts();
    const lines = await readCartLines(from);
    await mergeGuestCart(from.id, to.id);
    const once = await readCartLines(to);
    // The same guest lines offered again (a retry that read them before the delete): nothing is added.
    expect(await applyGuestLines(from.id, to.id, lines)).toBe("already");
    expect(await readCartLines(to)).toEqual(once);
  });

  it("interrupted between its two steps and run again, ends as one clean merge", async () => {
    const clean = await twoCarts();
    await mergeGuestCart(clean.from.id, clean.to.id);

    const interrupted = await twoCarts();
    // Step one only (the process died before deleting the guest cart) ...
    await applyGuestLines(interrupted.from.id, interrupted.to.id, await readCartLines(interrupted.from));
    expect(await redisClient("state").exists(cartKeys.cart(interrupted.from))).toBe(1);
    // ... then the whole merge again.
    expect(await mergeGuestCart(interrupted.from.id, interrupted.to.id)).toBe("already");
    expect(await readCartLines(interrupted.to)).toEqual(await readCartLines(clean.to));
    expect(await redisClient("state").exists(cartKeys.cart(interrupted.from))).toBe(0);
  });

  it("lines added to the guest cart after it was read (another tab) are merged too, once", async () => {
    const { from, to, a, b, c } = await twoCarts();
    const lines = await readCartLines(from);
    await addCartItem(from, c.id, 2, c.stock);
    await addCartItem(from, b.id, 1, b.stock);
    expect(await mergeGuestCart(from.id, to.id, lines)).toBe("merged");
    expect(await readCartLines(to)).toEqual(
      new Map([
        [a.id, 3],
        [b.id, 2],
        [c.id, 5],
      ]),
    );
    expect(await redisClient("state").exists(cartKeys.cart(from))).toBe(0);
  });

  it("the delete step leaves a guest cart that changed after it was read", async () => {
    const { from, to, c } = await twoCarts();
    const lines = await readCartLines(from);
    await applyGuestLines(from.id, to.id, lines);
    await addCartItem(from, c.id, 1, c.stock); // a change in another tab, between the steps
    expect(await deleteGuestCartIfUnchanged(from.id, lines)).toBe(false);
    expect(await redisClient("state").exists(cartKeys.cart(from))).toBe(1);
  });
});
