import { countSold } from "../activity/trending";
import type { CartOwner } from "../cart/types";
import { db } from "../db";
import { OrderStatus } from "../generated/prisma/enums.ts";
import type { CheckoutInput } from "./input";
import { orderView, WITH_LINES } from "./order-view";
import type { OrderOutcome } from "./outcome";
import { pay } from "./pay";
import type { PaymentProvider } from "./payment";
import { outOfStock, price } from "./price";
import { reserve } from "./reserve";
import { settle } from "./settle";

/**
 * Placing an order. Every line is priced again from PostgreSQL (never from the cart or the cache); a
 * fingerprint that no longer matches is `cart_changed` with the new summary. Then one transaction takes
 * the stock (conditionally, per line) and writes the order as pending; then the payment: approved makes
 * it paid and empties the cart, declined makes it payment_failed and gives the stock back in one
 * transaction. Outcomes are final (recorded for idempotent replays); a failure of Redis or PostgreSQL throws.
 */

export interface OrderRequest {
  owner: CartOwner;
  userId: string | null;
  input: CheckoutInput;
  /** `<scope>:<Idempotency-Key>`, unique on the order table. */
  idempotencyKey: string;
  provider: PaymentProvider;
}

/** The order this key already wrote, if any: a declined one answers as declined again, never as placed. */
async function existingOrder(
  idempotencyKey: string,
): Promise<Extract<OrderOutcome, { kind: "existing" | "declined" }> | null> {
  const order = await db.order.findUnique({ where: { idempotencyKey }, include: WITH_LINES });
  if (!order) return null;
  if (order.status === OrderStatus.PAYMENT_FAILED) {
    const declined = { id: order.id, number: order.number, status: "payment_failed" as const };
    return { kind: "declined", order: declined, reason: order.declineReason ?? "The card was declined." };
  }
  return { kind: "existing", order: orderView(order) };
}

export async function placeOrder(request: OrderRequest): Promise<OrderOutcome> {
  const { owner, userId, input, idempotencyKey, provider } = request;
  // A Redis record lost after an order was written: the order itself answers.
  const earlier = await existingOrder(idempotencyKey);
  if (earlier) return earlier;

  const priced = await price(owner, input.fingerprint);
  if (priced.kind !== "priced") return priced;

  const reserved = await reserve(priced, { userId, input, idempotencyKey });
  if (reserved.kind === "short") return outOfStock(priced.cart, reserved.variantIds);
  if (reserved.kind === "taken") {
    const first = await existingOrder(idempotencyKey);
    if (!first) throw new Error("an order with this idempotency key was written and is gone");
    return first;
  }

  const payment = await pay(reserved.order, priced, input.payment, provider);
  if (payment.kind === "declined") return payment;
  const paid = await settle(reserved.order, payment.reference, owner, reserved.accessToken);
  // Trending counts units sold; the order is paid whether or not Redis could count them.
  await countSold(priced.stockLines).catch((error: Error) =>
    console.warn(`[brisk] units of ${paid.order.number} not counted for trending: ${error.message}`),
  );
  return paid;
}
