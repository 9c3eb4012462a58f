import { prefixed } from "../redis/keys";
import type { CartOwner } from "./types";

const cart = (owner: CartOwner) => prefixed(`cart:{${owner.kind === "guest" ? "c" : "u"}:${owner.id}}`);

/**
 * The cart's Redis keys. A cart is a hash of variant id → quantity: a guest's `cart:{c:<cartId>}`, a
 * signed-in user's `cart:{u:<userId>}`; the braces keep each cart, and what one operation touches, in one slot.
 */
export const cartKeys = {
  cart,
  /** The answers of the cart's recent adds, by add id (same slot: an add records its answer atomically). */
  adds: (owner: CartOwner) => `${cart(owner)}:adds`,
  /** Which guest carts were merged into this user's cart (same slot as the cart: the merge records it atomically). */
  merged: (userId: string) => prefixed(`cart:{u:${userId}}:merged`),
};
