import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { closeRedisClients, redisClient } from "../redis/clients";
import { CART_ADD_LUA } from "../redis/scripts/cart";
import { runScript } from "../redis/scripts/run";
import { cartKeys } from "./keys";
import type { CartOwner } from "./types";
import {
  ADD_ANSWER_TTL_MS,
  addCartItem,
  CART_TTL_MS,
  clearCart,
  MAX_LINES,
  readCartLines,
  removeCartItem,
  setCartItemQuantity,
} from "./store";

// The cart store against the real test Redis.
const newOwner = (): CartOwner => ({ kind: "guest", id: randomUUID().replaceAll("-", "").slice(0, 22) });
afterAll(() => closeRedisClients());

describe("cart store", () => {
  it("reads an unknown cart as empty, and creates nothing", async () => {
    const owner = newOwner();
    expect((await readCartLines(owner)).size).toBe(0);
    expect(await redisClient("state").exists(cartKeys.cart(owner))).toBe(0);
  });

  it("adds to a line, clamped to the stock and to 99, saying when it clamped", async () => {
    const owner = newOwner();
    expect(await addCartItem(owner, 7, 2, 50)).toEqual({ outcome: "ok", quantity: 2, clamped: false });
    expect(await addCartItem(owner, 7, 3, 50)).toEqual({ outcome: "ok", quantity: 5, clamped: false });
    expect(await addCartItem(owner, 7, 10, 8)).toEqual({ outcome: "ok", quantity: 8, clamped: true });
    expect(await addCartItem(owner, 9, 150, 1_000)).toEqual({ outcome: "ok", quantity: 99, clamped: true });
    expect(await readCartLines(owner)).toEqual(
      new Map([
        [7, 8],
        [9, 99],
      ]),
    );
  });

  it("keeps a sliding 30-day expiry, renewed by every write", async () => {
    const owner = newOwner();
    await addCartItem(owner, 1, 1, 10);
    const key = cartKeys.cart(owner);
    await redisClient("state").pexpire(key, 60_000); // as if the cart had been idle a long time
    await setCartItemQuantity(owner, 1, 2, 10);
    expect(await redisClient("state").pttl(key)).toBeGreaterThan(CART_TTL_MS - 60_000);
  });

  it("sets quantities (0 removes), and answers 'missing' for a line not in the cart", async () => {
    const owner = newOwner();
    await addCartItem(owner, 1, 1, 10);
    expect(await setCartItemQuantity(owner, 1, 4, 10)).toEqual({ outcome: "ok", quantity: 4, clamped: false });
    expect(await setCartItemQuantity(owner, 1, 40, 10)).toEqual({ outcome: "ok", quantity: 10, clamped: true });
    expect((await setCartItemQuantity(owner, 2, 1, 10)).outcome).toBe("missing");
    expect(await setCartItemQuantity(owner, 1, 0, 10)).toMatchObject({ outcome: "ok", quantity: 0 });
    expect((await readCartLines(owner)).size).toBe(0);
    expect(await redisClient("state").exists(cartKeys.cart(owner))).toBe(0);
  });

  it("holds at most 100 lines, and more of a line already in it is still fine", async () => {
    const owner = newOwner();
    for (let variantId = 1; variantId <= MAX_LINES; variantId++) await addCartItem(owner, variantId, 1, 10);
    expect(await addCartItem(owner, 999, 1, 10)).toEqual({ outcome: "cart_full", quantity: 0, clamped: false });
    expect(await addCartItem(owner, 5, 1, 10)).toMatchObject({ outcome: "ok", quantity: 2 });
    expect((await readCartLines(owner)).size).toBe(MAX_LINES);
  });

  it("removes lines and clears the cart", async () => {
    const owner = newOwner();
    await addCartItem(owner, 1, 1, 10);
    await addCartItem(owner, 2, 1, 10);
    await removeCartItem(owner, 1);
    expect([...(await readCartLines(owner)).keys()]).toEqual([2]);
    await clearCart(owner);
    expect((await readCartLines(owner)).size).toBe(0);
  });

  it("runs an add once when it is sent again (a client resends a command whose connection closed)", async () => {
    const owner = newOwner();
    const keys = [cartKeys.cart(owner), cartKeys.adds(owner)];
    const send = (id: string, variantId = 7, maxLines = MAX_LINES) =>
      runScript(
        redisClient("state"),
        CART_ADD_LUA,
        keys,
        variantId,
        2,
        50,
        maxLines,
        CART_TTL_MS,
        id,
        ADD_ANSWER_TTL_MS,
      );
    expect(await send("add-1")).toEqual(["ok", 2, 0]);
    expect(await send("add-1")).toEqual(["ok", 2, 0]);
    expect(await readCartLines(owner)).toEqual(new Map([[7, 2]]));
    // An answer other than ok is given again as it was (a new line in a full cart: at most 1 line here).
    expect(await send("add-2", 8, 1)).toEqual(["cart_full", 0, 0]);
    expect(await send("add-2", 8)).toEqual(["cart_full", 0, 0]);
    expect(await readCartLines(owner)).toEqual(new Map([[7, 2]]));
    // Every call of addCartItem is an add of its own; the answers are kept a minute, not for the cart's life.
    expect(await addCartItem(owner, 7, 1, 50)).toEqual({ outcome: "ok", quantity: 3, clamped: false });
    const kept = await redisClient("state").pttl(cartKeys.adds(owner));
    expect(kept).toBeGreaterThan(0);
    expect(kept).toBeLessThanOrEqual(ADD_ANSWER_TTL_MS);
  });

  it("loses no update to concurrent adds", async () => {
    const owner = newOwner();
    await Promise.all(Array.from({ length: 60 }, () => addCartItem(owner, 3, 1, 45)));
    expect((await readCartLines(owner)).get(3)).toBe(45);
  });
});
