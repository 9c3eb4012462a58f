import { db } from "../db";
import type { Prisma } from "../generated/prisma/client.ts";
import { OrderStatus } from "../generated/prisma/enums.ts";
import { orderView, WITH_LINES, type OrderView } from "../orders/order-view";
import { literally } from "./like";

/** The back office's orders, read from PostgreSQL. */

const SUMMARY = {
  id: true,
  number: true,
  status: true,
  email: true,
  totalCents: true,
  currency: true,
  createdAt: true,
};

export const ORDER_STATUSES = ["pending", "paid", "payment_failed", "fulfilled", "cancelled", "refunded"] as const;
export type OrderStatusName = (typeof ORDER_STATUSES)[number];

export interface OrderFilter {
  status?: OrderStatusName;
  /** Part of the customer's e-mail, any case. */
  email?: string;
  /** The order number, e.g. BR-100042 (exact, any case). */
  number?: string;
  /** Placed on or after this day, and on or before that one (UTC, YYYY-MM-DD). */
  from?: string;
  to?: string;
}

const toStatus = (name: OrderStatusName) => name.toUpperCase() as OrderStatus;
const summaryOf = <T extends { status: OrderStatus; createdAt: Date }>(order: T) => ({
  ...order,
  status: order.status.toLowerCase(),
  createdAt: order.createdAt.toISOString(),
});

/** Paid orders waiting to be fulfilled, oldest first: what the back office's first page lists. */
export async function ordersToFulfil(limit = 50) {
  const orders = await db.order.findMany({
    where: { status: OrderStatus.PAID },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    take: limit,
    select: SUMMARY,
  });
  return orders.map(summaryOf);
}

/** Orders matching every given filter, newest first. */
export async function findOrders(filter: OrderFilter, limit = 100) {
  const placed: Prisma.DateTimeFilter = {};
  if (filter.from) placed.gte = new Date(`${filter.from}T00:00:00Z`);
  if (filter.to) placed.lt = new Date(Date.parse(`${filter.to}T00:00:00Z`) + 86_400_000);
  const orders = await db.order.findMany({
    where: {
      status: filter.status ? toStatus(filter.status) : undefined,
      email: filter.email ? { contains: literally(filter.email), mode: "insensitive" } : undefined,
      number: filter.number ? { equals: filter.number, mode: "insensitive" } : undefined,
      createdAt: filter.from || filter.to ? placed : undefined,
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: limit,
    select: SUMMARY,
  });
  return orders.map(summaryOf);
}

/** One order as the back office shows it, or null. */
export async function orderForAdmin(orderId: string): Promise<OrderView | null> {
  const order = await db.order.findUnique({ where: { id: orderId }, include: WITH_LINES });
  return order && orderView(order);
}
