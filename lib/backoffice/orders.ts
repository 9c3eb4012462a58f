import type { SignedIn } from "../auth/current-user";
import { invalidateProducts } from "../catalog/mutations";
import { db } from "../db";
import { productIdsOf, TRANSACTION_OPTIONS } from "../orders/stock";
import { sendOrderStatusMail } from "../orders/status-mail";
import { moveOrder, type OrderMove, type OrderMoved } from "../orders/transitions";
import { appendAudit } from "./audit";

/**
 * An admin moves a paid order to fulfilled, cancelled or refunded (lib/orders/transitions.ts): the move,
 * the stock it gives back and the audit entry in one transaction; then the products whose stock came back
 * are invalidated everywhere, and the customer gets a mail. Throws OrderMoveError.
 */
export async function changeOrderStatus(actor: SignedIn, orderId: string, to: OrderMove): Promise<OrderMoved> {
  const moved = await db.$transaction(async (tx) => {
    const result = await moveOrder(tx, orderId, to);
    await appendAudit(tx, actor, {
      action: `order.${to}`,
      objectType: "order",
      objectId: orderId,
      before: { status: result.from },
      after: {
        status: to,
        restocked: result.restocked.map(({ variantId, quantity }) => ({ variantId, quantity })),
      },
    });
    return result;
  }, TRANSACTION_OPTIONS);
  if (moved.restocked.length > 0) await invalidateProducts(...productIdsOf(moved.restocked));
  await sendOrderStatusMail(moved);
  return moved;
}
