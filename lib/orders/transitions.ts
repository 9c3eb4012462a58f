import type { Prisma } from "../generated/prisma/client.ts";
import { OrderStatus } from "../generated/prisma/enums.ts";
import { restoreStock, type StockLine } from "./stock";

/**
 * Where the back office may move a paid order: fulfilled (shipped), or cancelled or refunded, which give
 * its stock back. The move is one conditional UPDATE (`WHERE status = 'paid'`) inside the caller's
 * transaction, with the stock returned in the same transaction: of two moves at once (two clicks, two
 * admins) the second waits for the first's row lock, then finds the order no longer paid and is refused,
 * so the stock comes back once.
 */

export const ORDER_MOVES = ["fulfilled", "cancelled", "refunded"] as const;
export type OrderMove = (typeof ORDER_MOVES)[number];

const TARGET: Record<OrderMove, OrderStatus> = {
  fulfilled: OrderStatus.FULFILLED,
  cancelled: OrderStatus.CANCELLED,
  refunded: OrderStatus.REFUNDED,
};
const RESTOCKS: Record<OrderMove, boolean> = { fulfilled: false, cancelled: true, refunded: true };

export class OrderMoveError extends Error {
  constructor(
    readonly code: "not_found" | "invalid_transition",
    message: string,
  ) {
    super(message);
    this.name = "OrderMoveError";
  }
}

export interface OrderMoved {
  order: { id: string; number: string; email: string; name: string; userId: string | null };
  from: "paid";
  to: OrderMove;
  /** The stock given back (none for fulfilled), by variant; lines whose variant is gone are skipped. */
  restocked: StockLine[];
}

export async function moveOrder(tx: Prisma.TransactionClient, orderId: string, to: OrderMove): Promise<OrderMoved> {
  const { count } = await tx.order.updateMany({
    where: { id: orderId, status: OrderStatus.PAID },
    data: { status: TARGET[to] },
  });
  const order = await tx.order.findUnique({
    where: { id: orderId },
    select: { id: true, number: true, email: true, name: true, userId: true, status: true },
  });
  if (!order) throw new OrderMoveError("not_found", `no order ${orderId}`);
  if (count === 0) {
    const status = order.status.toLowerCase();
    throw new OrderMoveError(
      "invalid_transition",
      `order ${order.number} is ${status}: only a paid order can be ${to}`,
    );
  }
  const restocked = RESTOCKS[to] ? await stockLinesOf(tx, orderId) : [];
  if (restocked.length > 0) await restoreStock(tx, restocked);
  const { id, number, email, name, userId } = order;
  return { order: { id, number, email, name, userId }, from: "paid", to, restocked };
}

async function stockLinesOf(tx: Prisma.TransactionClient, orderId: string): Promise<StockLine[]> {
  const lines = await tx.orderLine.findMany({
    where: { orderId, variantId: { not: null } },
    select: { variantId: true, quantity: true, variant: { select: { productId: true } } },
  });
  return lines.map((line) => ({
    variantId: line.variantId!,
    productId: line.variant!.productId,
    quantity: line.quantity,
  }));
}
