import type { Prisma } from "../generated/prisma/client.ts";
import { refreshProductSummaries } from "./denormalize";
import { CatalogWriteError } from "./errors";

/**
 * A stock adjustment inside the caller's transaction (the back office's: it also writes the audit entry).
 * One conditional UPDATE, `stock = stock + delta` where the result stays at or above zero: it adds to
 * whatever the row holds when it runs, so a checkout's decrement committed in between is never lost, and
 * no adjustment can take the stock below zero (nor above a million). The caller invalidates the product
 * after the commit.
 */

/** The most one variant may hold (as the catalog's own writes allow). */
const MAX_STOCK = 1_000_000;

export interface StockAdjusted {
  productId: number;
  before: number;
  after: number;
}

export async function adjustVariantStock(
  tx: Prisma.TransactionClient,
  variantId: number,
  delta: number,
): Promise<StockAdjusted> {
  const rows = await tx.$queryRaw<{ product_id: number; stock: number }[]>`
    UPDATE variants SET stock = stock + ${delta}, updated_at = now()
    WHERE id = ${variantId} AND stock + ${delta} BETWEEN 0 AND ${MAX_STOCK}
    RETURNING product_id, stock`;
  if (rows.length === 0) {
    const variant = await tx.variant.findUnique({ where: { id: variantId }, select: { stock: true } });
    if (!variant) throw new CatalogWriteError("not_found", `no variant ${variantId}`);
    if (delta > 0) throw new CatalogWriteError("invalid_input", `stock is at most ${MAX_STOCK} per variant`);
    throw new CatalogWriteError(
      "insufficient_stock",
      `only ${variant.stock} in stock: taking ${-delta} would go below zero`,
    );
  }
  const [{ product_id: productId, stock: after }] = rows;
  await refreshProductSummaries(tx, [productId]);
  return { productId, before: after - delta, after };
}
