import { clearCart } from "../cart/store";
import type { CartOwner } from "../cart/types";
import { db } from "../db";
import { OrderStatus } from "../generated/prisma/enums.ts";
import { sendOrderConfirmation } from "./confirmation-mail";
import type { OrderOutcome } from "./outcome";
import { orderView, WITH_LINES } from "./order-view";

/**
 * Step 4 of placing an order, once the payment is approved: the order is marked paid (only if still
 * pending), the cart emptied and the confirmation mailed. The stock was taken (and its caches invalidated)
 * when the order was reserved.
 */

export async function settle(
  order: { id: string; number: string },
  paymentReference: string,
  owner: CartOwner,
  accessToken: string | null,
): Promise<Extract<OrderOutcome, { kind: "paid" }>> {
  // Conditional: an order the sweep already cancelled (its stock given back) must not turn paid.
  const { count } = await db.order.updateMany({
    where: { id: order.id, status: OrderStatus.PENDING },
    data: { status: OrderStatus.PAID, paymentReference },
  });
  if (count === 0) throw new Error(`order ${order.number} stopped being pending before its payment was recorded`);
  const paid = await db.order.findUniqueOrThrow({ where: { id: order.id }, include: WITH_LINES });
  // Paid is paid: a cart that cannot be emptied now (Redis down) must not turn the answer into an error.
  await clearCart(owner).catch((error: Error) =>
    console.error(`[brisk] cart not emptied after ${order.number}: ${error.message}`),
  );
  await sendOrderConfirmation(paid, accessToken);
  return { kind: "paid", order: orderView(paid), ...(accessToken ? { accessToken } : {}) };
}
