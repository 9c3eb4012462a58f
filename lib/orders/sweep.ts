import { invalidateProducts } from "../catalog/mutations";
import { db } from "../db";
import { OrderStatus } from "../generated/prisma/enums.ts";
import { restoreStock } from "./stock";

/**
 * A `pending` order older than 15 minutes is a checkout that died between taking the stock and the
 * payment's answer: it is cancelled and its stock given back, in one transaction per order. The status
 * change is conditional, so two sweepers (or a late payment answer) never restore stock twice.
 */

export const STALE_PENDING_MS = 15 * 60 * 1000;

export async function sweepStalePendingOrders(now = new Date()): Promise<string[]> {
  const stale = await db.order.findMany({
    where: { status: OrderStatus.PENDING, createdAt: { lt: new Date(now.getTime() - STALE_PENDING_MS) } },
    select: { id: true },
    take: 100,
  });
  const cancelled: string[] = [];
  for (const { id } of stale) {
    const productIds = await db.$transaction(async (tx) => {
      const { count } = await tx.order.updateMany({
        where: { id, status: OrderStatus.PENDING },
        data: { status: OrderStatus.CANCELLED },
      });
      if (count === 0) return null; // paid, failed or swept meanwhile
      const lines = await tx.orderLine.findMany({
        where: { orderId: id, variantId: { not: null } },
        select: { variantId: true, quantity: true, variant: { select: { productId: true } } },
      });
      const stockLines = lines
        .filter((line) => line.variant)
        .map((line) => ({ variantId: line.variantId!, productId: line.variant!.productId, quantity: line.quantity }));
      await restoreStock(tx, stockLines);
      return stockLines.map((line) => line.productId);
    });
    if (productIds === null) continue;
    cancelled.push(id);
    if (productIds.length > 0) await invalidateProducts(...new Set(productIds));
  }
  return cancelled;
}
