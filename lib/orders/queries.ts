import { createHash } from "node:crypto";
import { db } from "../db";
import { equalSecrets } from "../equal-secrets";
import { orderView, type OrderView } from "./order-view";

/**
 * Who may see an order: the user who placed it, or whoever holds the guest's access token. Anyone else
 * gets null (the page and API answer 404 `not_found`, signed in or not: ids never leak).
 */

export interface Viewer {
  userId: string | null;
  token: string | null;
}

function tokenMatches(token: string | null, hash: string | null): boolean {
  if (!token || !hash) return false;
  return equalSecrets(createHash("sha256").update(token).digest("hex"), hash);
}

export async function getOrderForViewer(id: string, viewer: Viewer): Promise<OrderView | null> {
  if (!/^[a-z0-9]{20,40}$/.test(id)) return null;
  const order = await db.order.findUnique({ where: { id }, include: { lines: { orderBy: { id: "asc" } } } });
  if (!order) return null;
  const mine = order.userId !== null && order.userId === viewer.userId;
  return mine || tokenMatches(viewer.token, order.guestTokenHash) ? orderView(order) : null;
}

export async function listUserOrders(userId: string): Promise<OrderView[]> {
  const orders = await db.order.findMany({
    where: { userId },
    orderBy: { createdAt: "desc" },
    take: 100,
    include: { lines: { orderBy: { id: "asc" } } },
  });
  return orders.map(orderView);
}
