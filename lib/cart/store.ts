import { randomUUID } from "node:crypto";
import { cartKeys } from "./keys";
import type { CartOwner } from "./types";
import { CART_ADD_LUA, CART_SET_LUA } from "../redis/scripts/cart";
import { durableStateWrite, withStateRedis } from "../redis/state";

/**
 * The cart in Redis, by owner (never by cookie: the signed-in user's cart uses the same functions).
 * Quantities are clamped atomically in Lua to the per-line maximum and to the stock the caller passes.
 * Throws StateUnavailableError when Redis cannot be used.
 */

export const MAX_QUANTITY_PER_LINE = 99;
export const MAX_LINES = 100;
export const CART_TTL_MS = 30 * 24 * 60 * 60 * 1000;
/** How long an add's answer is kept, so that the same add sent again gets it instead of adding again. */
export const ADD_ANSWER_TTL_MS = 60_000;

export interface LineChange {
  outcome: "ok" | "cart_full" | "missing";
  quantity: number;
  /** The quantity asked for was more than the limit (per line, or the stock). */
  clamped: boolean;
}

const limitFor = (stock: number) => Math.max(0, Math.min(stock, MAX_QUANTITY_PER_LINE));

function change(reply: unknown): LineChange {
  const [outcome, quantity, clamped] = reply as [LineChange["outcome"], number, number];
  return { outcome, quantity, clamped: clamped === 1 };
}

/** Variant id → quantity; an empty map for a cart that does not exist (nothing is created). */
export async function readCartLines(owner: CartOwner): Promise<Map<number, number>> {
  const raw = await withStateRedis((redis) => redis.hgetall(cartKeys.cart(owner)));
  return new Map(Object.entries(raw).map(([variantId, quantity]) => [Number(variantId), Number(quantity)]));
}

export async function cartExists(owner: CartOwner): Promise<boolean> {
  return (await withStateRedis((redis) => redis.exists(cartKeys.cart(owner)))) === 1;
}

export async function addCartItem(
  owner: CartOwner,
  variantId: number,
  quantity: number,
  stock: number,
): Promise<LineChange> {
  // Each add has an id of its own: sent again by the Redis client, it runs once (lib/redis/scripts/cart.ts).
  const reply = await durableStateWrite(
    CART_ADD_LUA,
    [cartKeys.cart(owner), cartKeys.adds(owner)],
    variantId,
    quantity,
    limitFor(stock),
    MAX_LINES,
    CART_TTL_MS,
    randomUUID(),
    ADD_ANSWER_TTL_MS,
  );
  return change(reply);
}

/** Sets a line's quantity (0 removes it); "missing" when the line is not in the cart. */
export async function setCartItemQuantity(
  owner: CartOwner,
  variantId: number,
  quantity: number,
  stock: number,
): Promise<LineChange> {
  const reply = await durableStateWrite(
    CART_SET_LUA,
    [cartKeys.cart(owner)],
    variantId,
    quantity,
    limitFor(stock),
    CART_TTL_MS,
  );
  return change(reply);
}

export async function removeCartItem(owner: CartOwner, variantId: number): Promise<void> {
  await setCartItemQuantity(owner, variantId, 0, 0);
}

export async function clearCart(owner: CartOwner): Promise<void> {
  await withStateRedis((redis) => redis.unlink(cartKeys.cart(owner)));
}
