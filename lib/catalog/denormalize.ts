import type { Prisma } from "../generated/prisma/client.ts";

/**
 * Recomputes what products keep denormalized from their variants: the lowest price and whether any
 * variant is in stock (listings sort and filter on them). Run inside the transaction that changed the
 * variants, so that nobody ever reads one without the other.
 */
export async function refreshProductSummaries(tx: Prisma.TransactionClient, productIds: number[]): Promise<void> {
  if (productIds.length === 0) return;
  await tx.$executeRaw`
    UPDATE products p
    SET min_price_cents = s.min_price, in_stock = s.in_stock, updated_at = now()
    FROM (
      SELECT product_id, min(price_cents) AS min_price, bool_or(stock > 0) AS in_stock
      FROM variants WHERE product_id = ANY(${productIds}) GROUP BY product_id
    ) s
    WHERE p.id = s.product_id`;
}
