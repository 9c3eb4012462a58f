import { z } from "zod";
import type { SignedIn } from "../auth/current-user";
import { invalidateProducts } from "../catalog/mutations";
import { adjustVariantStock, type StockAdjusted } from "../catalog/stock-adjust";
import { db } from "../db";
import { TRANSACTION_OPTIONS } from "../orders/stock";
import { appendAudit } from "./audit";

/** Why stock moves outside a checkout: goods received, a count that found a different number, damage. */
export const STOCK_REASONS = ["received", "counted", "damaged"] as const;

export const stockAdjustmentSchema = z
  .object({
    delta: z
      .number()
      .int("a whole number")
      .min(-1_000_000)
      .max(1_000_000)
      .refine((delta) => delta !== 0, "must not be 0"),
    reason: z.enum(STOCK_REASONS, { message: `one of ${STOCK_REASONS.join(", ")}` }),
  })
  .strict();

export type StockAdjustment = z.output<typeof stockAdjustmentSchema>;

/**
 * An admin's stock adjustment of one variant: the conditional update and its audit entry in one
 * transaction (lib/catalog/stock-adjust.ts), then the product invalidated on every instance, and its
 * open pages told (live stock). Throws CatalogWriteError: not_found, or insufficient_stock below zero.
 */
export async function adjustStock(
  actor: SignedIn,
  variantId: number,
  { delta, reason }: StockAdjustment,
): Promise<StockAdjusted> {
  const adjusted = await db.$transaction(async (tx) => {
    const result = await adjustVariantStock(tx, variantId, delta);
    await appendAudit(tx, actor, {
      action: "stock.adjust",
      objectType: "variant",
      objectId: variantId,
      reason,
      before: { stock: result.before },
      after: { stock: result.after },
    });
    return result;
  }, TRANSACTION_OPTIONS);
  await invalidateProducts(adjusted.productId);
  return adjusted;
}
