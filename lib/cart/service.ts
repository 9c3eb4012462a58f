import { getVariant } from "../catalog/queries";
import { isForSale, stockForSale } from "../catalog/variants";
import type { CartOwner } from "./types";
import {
  addCartItem,
  readCartLines,
  removeCartItem,
  setCartItemQuantity,
  MAX_LINES,
  MAX_QUANTITY_PER_LINE,
} from "./store";
import { priceCart, type CartView } from "./view";

/**
 * What the cart API and the cart UI's server actions do, for any owner: the rules (the variant must be
 * for sale, quantities are clamped to stock and to the line maximum, a cart holds at most 100 lines) and
 * their errors. Throws CartError for a refused change, StateUnavailableError when Redis is down.
 */

export class CartError extends Error {
  constructor(
    readonly code: "not_found" | "out_of_stock" | "cart_full",
    message: string,
  ) {
    super(message);
    this.name = "CartError";
  }
}

export interface CartChange {
  cart: CartView;
  line: { variantId: number; quantity: number };
  /** Set when the quantity was limited (by stock or by the per-line maximum). */
  notice?: string;
}

async function variantForSale(variantId: number) {
  const variant = await getVariant(variantId);
  if (!variant || !isForSale(variant.product))
    throw new CartError("not_found", `No product variant ${variantId} is for sale.`);
  return variant;
}

function limitNotice(quantity: number, stock: number): string {
  return stock < MAX_QUANTITY_PER_LINE
    ? `Only ${stock} in stock: your cart now has ${quantity}.`
    : `At most ${MAX_QUANTITY_PER_LINE} of one item per order: your cart now has ${quantity}.`;
}

export async function viewCart(owner: CartOwner | null): Promise<CartView> {
  return priceCart(owner ? await readCartLines(owner) : new Map());
}

export async function addToCart(owner: CartOwner, variantId: number, quantity: number): Promise<CartChange> {
  const variant = await variantForSale(variantId);
  if (variant.stock <= 0)
    throw new CartError("out_of_stock", `${variant.product.name} (${variant.sku}) is out of stock.`);
  const result = await addCartItem(owner, variantId, quantity, variant.stock);
  if (result.outcome === "cart_full")
    throw new CartError("cart_full", `A cart holds at most ${MAX_LINES} different items.`);
  return {
    cart: await viewCart(owner),
    line: { variantId, quantity: result.quantity },
    ...(result.clamped ? { notice: limitNotice(result.quantity, variant.stock) } : {}),
  };
}

/** Sets a line's quantity; 0 removes it. */
export async function updateCartLine(owner: CartOwner, variantId: number, quantity: number): Promise<CartChange> {
  const variant = await getVariant(variantId);
  if (!variant) throw new CartError("not_found", `No product variant ${variantId}.`);
  const stock = stockForSale(variant);
  if (quantity > 0 && stock <= 0) throw new CartError("out_of_stock", `${variant.sku} is out of stock.`);
  const result = await setCartItemQuantity(owner, variantId, quantity, quantity === 0 ? 0 : stock);
  if (result.outcome === "missing") throw new CartError("not_found", "That item is not in your cart.");
  return {
    cart: await viewCart(owner),
    line: { variantId, quantity: result.quantity },
    ...(result.clamped ? { notice: limitNotice(result.quantity, stock) } : {}),
  };
}

/** Removes a line, whatever became of its variant; removing what is not there is not an error. */
export async function removeFromCart(owner: CartOwner, variantId: number): Promise<CartView> {
  const lines = await readCartLines(owner);
  if (!lines.has(variantId) && !(await getVariant(variantId)))
    throw new CartError("not_found", `No product variant ${variantId}.`);
  await removeCartItem(owner, variantId);
  return viewCart(owner);
}

/** How many items the cart holds (the header's count), or null when Redis cannot say. */
export async function countCartItems(owner: CartOwner | null): Promise<number | null> {
  if (!owner) return 0;
  try {
    return [...(await readCartLines(owner)).values()].reduce((sum, quantity) => sum + quantity, 0);
  } catch {
    return null;
  }
}
