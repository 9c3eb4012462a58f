import { db } from "../db";
import { OrderStatus } from "../generated/prisma/enums.ts";

/** Paid orders waiting to be fulfilled, oldest first: what the back office's first page lists. */
export async function ordersToFulfil(limit = 50) {
  const orders = await db.order.findMany({
    where: { status: OrderStatus.PAID },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    take: limit,
    select: { id: true, number: true, email: true, totalCents: true, currency: true, createdAt: true },
  });
  return orders.map((order) => ({ ...order, createdAt: order.createdAt.toISOString() }));
}
