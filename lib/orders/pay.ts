import { invalidateProducts } from "../catalog/mutations";
import { db } from "../db";
import { OrderStatus } from "../generated/prisma/enums.ts";
import type { CheckoutInput } from "./input";
import type { OrderOutcome } from "./outcome";
import type { PaymentProvider } from "./payment";
import type { Priced } from "./price";
import { productIdsOf, restoreStock, TRANSACTION_OPTIONS } from "./stock";

/**
 * Step 3 of placing an order: the payment is authorized for the pending order. Approved: the provider's
 * reference. Declined: the order becomes payment_failed and its stock is given back, in one transaction.
 */

export type Payment = { kind: "approved"; reference: string } | Extract<OrderOutcome, { kind: "declined" }>;

export async function pay(
  order: { id: string; number: string },
  priced: Priced,
  payment: CheckoutInput["payment"],
  provider: PaymentProvider,
): Promise<Payment> {
  const card = { number: payment.cardNumber, expiry: payment.expiry, cvc: payment.cvc };
  const authorization = await provider.authorize({
    amountCents: priced.totals.totalCents,
    currency: priced.cart.currency,
    card,
    orderNumber: order.number,
  });
  if (authorization.approved) return { kind: "approved", reference: authorization.reference };
  await db.$transaction(async (tx) => {
    const { count } = await tx.order.updateMany({
      where: { id: order.id, status: OrderStatus.PENDING },
      data: { status: OrderStatus.PAYMENT_FAILED, declineReason: authorization.reason },
    });
    if (count === 1) await restoreStock(tx, priced.stockLines);
  }, TRANSACTION_OPTIONS);
  await invalidateProducts(...productIdsOf(priced.stockLines));
  return {
    kind: "declined",
    order: { id: order.id, number: order.number, status: "payment_failed" },
    reason: authorization.reason,
  };
}
