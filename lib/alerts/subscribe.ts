import { loadVariant } from "../catalog/load";
import { isForSale } from "../catalog/variants";
import { db } from "../db";
import { isUnsubscribeToken } from "./token";

/**
 * Back-in-stock alerts, kept in PostgreSQL (durable: the mail goes out even if every instance restarts in
 * between). One pending alert per variant and address: asking again changes nothing, and asking again
 * after the mail went out asks for the next restock.
 */

export type Restockable =
  | { kind: "sold_out"; product: { name: string; slug: string }; sku: string }
  | { kind: "in_stock" }
  | { kind: "not_found" };

/** Whether an alert may be asked for: the variant exists, is for sale, and is sold out. */
export async function restockable(variantId: number): Promise<Restockable> {
  const variant = await loadVariant(variantId);
  if (!variant || !isForSale(variant.product)) return { kind: "not_found" };
  if (variant.stock > 0) return { kind: "in_stock" };
  return { kind: "sold_out", product: { name: variant.product.name, slug: variant.product.slug }, sku: variant.sku };
}

/**
 * Asks for one mail to `email` (already normalized) when the variant is back in stock. `fresh`: the alert
 * is new, or asks again after its mail went out (a pending one is left as it is).
 */
export async function subscribeToRestock(
  variantId: number,
  email: string,
): Promise<{ alertId: string; createdAt: Date; fresh: boolean }> {
  const [alert] = await db.$queryRaw<{ id: string; created_at: Date }[]>`
    INSERT INTO stock_alerts (id, variant_id, email) VALUES (gen_random_uuid(), ${variantId}, ${email})
    ON CONFLICT (variant_id, email) DO UPDATE
      SET notified_at = NULL, claimed_by = NULL, claimed_at = NULL, created_at = now()
      WHERE stock_alerts.notified_at IS NOT NULL
    RETURNING id, created_at`;
  if (alert) return { alertId: alert.id, createdAt: alert.created_at, fresh: true };
  const pending = await db.stockAlert.findUniqueOrThrow({
    where: { variantId_email: { variantId, email } },
    select: { id: true, createdAt: true },
  });
  return { alertId: pending.id, createdAt: pending.createdAt, fresh: false };
}

/** Removes the alert its mail's link names; false when the link is not one of ours (or it is gone already). */
export async function unsubscribe(alertId: string, token: string): Promise<boolean> {
  if (!/^[0-9a-f-]{36}$/.test(alertId) || !isUnsubscribeToken(alertId, token)) return false;
  const { count } = await db.stockAlert.deleteMany({ where: { id: alertId } });
  return count === 1;
}
