import { createHash } from "node:crypto";
import { getVariant } from "../catalog/queries";
import type { VariantWithProduct } from "../catalog/types";
import { isForSale, stockForSale } from "../catalog/variants";
import { buyableQuantity } from "./buyable";
import { MAX_QUANTITY_PER_LINE } from "./store";

/**
 * The cart as the shopper sees it: priced live from the catalog (through lib/cache), never from prices
 * kept in the cart. A line whose variant is gone, archived or short of stock says so, and how many are
 * available; the subtotal counts what can be bought.
 */

export type LineProblem = "unavailable" | "archived" | "out_of_stock" | "insufficient_stock";

export interface CartLine {
  variantId: number;
  productSlug: string | null;
  name: string;
  sku: string | null;
  options: Record<string, string>;
  image: { url: string; alt: string } | null;
  quantity: number;
  unitPriceCents: number;
  /** How many of this variant can be bought now (stock, at most the per-line maximum). */
  available: number;
  problem?: LineProblem;
}

export interface CartView {
  lines: CartLine[];
  count: number;
  subtotalCents: number;
  currency: string;
  /** Changes whenever a line, a quantity or a price changes: checkout compares it with what was shown. */
  fingerprint: string;
}

const DEFAULT_CURRENCY = "USD";

function problemOf(variant: VariantWithProduct | null, quantity: number): LineProblem | undefined {
  if (!variant) return "unavailable";
  if (!isForSale(variant.product)) return "archived";
  if (variant.stock <= 0) return "out_of_stock";
  if (variant.stock < quantity) return "insufficient_stock";
  return undefined;
}

function lineFor(variantId: number, quantity: number, variant: VariantWithProduct | null): CartLine {
  const problem = problemOf(variant, quantity);
  const line: CartLine = {
    variantId,
    productSlug: variant?.product.slug ?? null,
    name: variant?.product.name ?? "An item that is no longer sold",
    sku: variant?.sku ?? null,
    options: variant?.options ?? {},
    image: variant?.product.image ? { url: variant.product.image.url, alt: variant.product.image.alt } : null,
    quantity,
    unitPriceCents: variant?.priceCents ?? 0,
    available: Math.min(stockForSale(variant), MAX_QUANTITY_PER_LINE),
  };
  return problem ? { ...line, problem } : line;
}

/**
 * Prices cart lines with the catalog's current variants: through lib/cache by default; checkout passes
 * a loader that reads PostgreSQL, so the same fingerprint compares what the shopper saw with the truth.
 */
export async function priceCart(
  quantities: Map<number, number>,
  loadVariant: (variantId: number) => Promise<VariantWithProduct | null> = getVariant,
): Promise<CartView> {
  const entries = [...quantities.entries()];
  const variants = await Promise.all(entries.map(([variantId]) => loadVariant(variantId)));
  const lines = entries
    .map(([variantId, quantity], index) => lineFor(variantId, quantity, variants[index]))
    .sort((a, b) => a.name.localeCompare(b.name) || (a.sku ?? "").localeCompare(b.sku ?? ""));
  const currency = variants.find((variant) => variant)?.product.currency ?? DEFAULT_CURRENCY;
  const subtotalCents = lines.reduce((sum, line) => sum + line.unitPriceCents * buyableQuantity(line), 0);
  const fingerprint = createHash("sha256")
    .update(JSON.stringify([currency, lines.map((l) => [l.variantId, l.quantity, l.unitPriceCents, l.problem ?? ""])]))
    .digest("base64url")
    .slice(0, 22);
  return { lines, count: lines.reduce((sum, line) => sum + line.quantity, 0), subtotalCents, currency, fingerprint };
}
