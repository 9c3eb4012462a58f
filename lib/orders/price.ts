import { loadVariant } from "../catalog/load";
import type { VariantWithProduct } from "../catalog/types";
import { readCartLines } from "../cart/store";
import type { CartOwner } from "../cart/types";
import { priceCart, type CartView } from "../cart/view";
import { CheckoutError } from "./errors";
import type { OrderOutcome, Summary } from "./outcome";
import type { StockLine } from "./stock";
import { orderTotals, type Totals } from "./totals";

/**
 * Step 1 of placing an order: every line priced again from PostgreSQL (never from the cart or the cache).
 * A fingerprint that no longer matches is `cart_changed` with the new summary; a line with a problem,
 * `out_of_stock`. Nothing is written.
 */

export interface Priced {
  kind: "priced";
  cart: CartView;
  totals: Totals;
  /** Each line with its product (for the stock moves and the invalidations). */
  stockLines: StockLine[];
}

export function summaryOf(cart: CartView): Summary {
  return { cart, ...orderTotals(cart.subtotalCents) };
}

/** The `out_of_stock` outcome naming the short lines among the cart's. */
export function outOfStock(cart: CartView, variantIds: number[]): Extract<OrderOutcome, { kind: "out_of_stock" }> {
  const lines = cart.lines
    .filter((line) => variantIds.includes(line.variantId))
    .map((line) => ({
      variantId: line.variantId,
      name: line.name,
      sku: line.sku,
      quantity: line.quantity,
      available: line.available,
    }));
  return { kind: "out_of_stock", lines, summary: summaryOf(cart) };
}

/** The cart priced from PostgreSQL, and each line's product (for the stock moves and the snapshot). */
async function priceFromDatabase(owner: CartOwner) {
  const quantities = await readCartLines(owner);
  if (quantities.size === 0) throw new CheckoutError("invalid_input", "Your cart is empty.");
  const variants = new Map<number, VariantWithProduct | null>();
  for (const variantId of quantities.keys()) variants.set(variantId, await loadVariant(variantId));
  const cart = await priceCart(quantities, async (variantId) => variants.get(variantId) ?? null);
  return { cart, variants };
}

/** Prices the owner's cart; checks it against the fingerprint the shopper saw and against the stock. */
export async function price(
  owner: CartOwner,
  fingerprint: string | undefined,
): Promise<Priced | Extract<OrderOutcome, { kind: "cart_changed" | "out_of_stock" }>> {
  const { cart, variants } = await priceFromDatabase(owner);
  if (fingerprint !== undefined && fingerprint !== cart.fingerprint) {
    return { kind: "cart_changed", summary: summaryOf(cart) };
  }
  const problems = cart.lines.filter((line) => line.problem).map((line) => line.variantId);
  if (problems.length > 0) return outOfStock(cart, problems);
  const stockLines = cart.lines.map((line) => ({
    variantId: line.variantId,
    productId: variants.get(line.variantId)!.product.id,
    quantity: line.quantity,
  }));
  return { kind: "priced", cart, totals: orderTotals(cart.subtotalCents), stockLines };
}
