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

const byVariant = (lines: StockLine[]) => [...lines].sort((a, b) => a.variantId - b.variantId);

/** Takes every line's quantity, or nothing: answers the variant ids that were short (then nothing may commit). */
export async function takeStock(tx: Prisma.TransactionClient, lines: StockLine[]): Promise<number[]> {
  const short: number[] = [];
  for (const { variantId, quantity } of byVariant(lines)) {
    const taken = await tx.$executeRaw`
      UPDATE variants SET stock = stock - ${quantity}, updated_at = now()
      WHERE id = ${variantId} AND stock >= ${quantity}`;
    if (taken === 0) short.push(variantId);
  }
  if (short.length === 0) await refreshProductSummaries(tx, [...new Set(lines.map((line) => line.productId))]);
  return short;
}

export async function restoreStock(tx: Prisma.TransactionClient, lines: StockLine[]): Promise<void> {
  for (const { variantId, quantity } of byVariant(lines)) {
    await tx.$executeRaw`UPDATE variants SET stock = stock + ${quantity}, updated_at = now() WHERE id = ${variantId}`;
  }
  await refreshProductSummaries(tx, [...new Set(lines.map((line) => line.productId))]);
}
