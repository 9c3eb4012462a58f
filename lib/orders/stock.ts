import { refreshProductSummaries } from "../catalog/denormalize";
import type { Prisma } from "../generated/prisma/client.ts";

/**
 * Stock moves inside the order's transaction. A decrement is conditional (`stock >= quantity`), so two
 * checkouts can never take the same last item; lines go in variant id order, so two carts holding the
 * same variants in opposite orders lock them in the same order and never deadlock.
 */

export interface StockLine {
  variantId: number;
  productId: number;
  quantity: number;
}

/** A checkout surge queues on the same rows: wait for a connection and a lock longer than Prisma's 2 s/5 s defaults. */
export const TRANSACTION_OPTIONS = { maxWait: 10_000, timeout: 15_000 };

/** The products whose stock these lines move (each once): what to refresh and invalidate. */
export const productIdsOf = (lines: StockLine[]) => [...new Set(lines.map((line) => line.productId))];

const byVariant = (lines: StockLine[]) => [...lines].sort((a, b) => a.variantId - b.variantId);

/** Thrown inside the transaction when a line is short, so that nothing it took commits. */
export class ShortOfStockError extends Error {
  constructor(readonly variantIds: number[]) {
    super(`short of stock: variants ${variantIds.join(", ")}`);
    this.name = "ShortOfStockError";
  }
}

/** Takes every line's quantity, or throws ShortOfStockError naming every short line (the transaction rolls back). */
export async function takeStock(tx: Prisma.TransactionClient, lines: StockLine[]): Promise<void> {
  const short: number[] = [];
  for (const { variantId, quantity } of byVariant(lines)) {
    const taken = await tx.$executeRaw`
      UPDATE variants SET stock = stock - ${quantity}, updated_at = now()
      WHERE id = ${variantId} AND stock >= ${quantity}`;
    if (taken === 0) short.push(variantId);
  }
  if (short.length > 0) throw new ShortOfStockError(short);
  await refreshProductSummaries(tx, productIdsOf(lines));
}

export async function restoreStock(tx: Prisma.TransactionClient, lines: StockLine[]): Promise<void> {
  for (const { variantId, quantity } of byVariant(lines)) {
    await tx.$executeRaw`UPDATE variants SET stock = stock + ${quantity}, updated_at = now() WHERE id = ${variantId}`;
  }
  await refreshProductSummaries(tx, productIdsOf(lines));
}
