import { createHash, randomBytes } from "node:crypto";
import { loadVariant } from "../catalog/load";
import { invalidateProducts } from "../catalog/mutations";
import type { VariantWithProduct } from "../catalog/types";
import { clearCart, readCartLines } from "../cart/store";
import { priceCart, type CartView } from "../cart/view";
import { db } from "../db";
import { OrderStatus } from "../generated/prisma/enums.ts";
import type { CartOwner } from "../cart/types";
import { CheckoutError } from "./errors";
import type { FinalAnswer } from "./idempotency";
import type { CheckoutInput } from "./input";
import { sendOrderConfirmation } from "./confirmation-mail";
import { orderView } from "./order-view";
import type { PaymentProvider } from "./payment";
import { restoreStock, ShortOfStockError, takeStock, type StockLine } from "./stock";
import { orderTotals } from "./totals";

/**
 * Placing an order. Every line is priced again from PostgreSQL (never from the cart or the cache); a
 * fingerprint that no longer matches is 409 `cart_changed` with the new summary. Then one transaction
 * takes the stock (conditionally, per line) and writes the order as pending; then the payment: approved
 * makes it paid and empties the cart, declined makes it payment_failed and gives the stock back in one
 * transaction. Answers are final (recorded for idempotent replays); a failure of Redis or PostgreSQL throws.
 */

export interface OrderRequest {
  owner: CartOwner;
  userId: string | null;
  input: CheckoutInput;
  /** `<scope>:<Idempotency-Key>`, unique on the order table. */
  idempotencyKey: string;
  provider: PaymentProvider;
}

const include = { lines: { orderBy: { id: "asc" } } } as const;

/** A checkout surge queues on the same rows: wait for a connection and a lock longer than Prisma's 2 s/5 s defaults. */
const TRANSACTION_OPTIONS = { maxWait: 10_000, timeout: 15_000 };

function summary(cart: CartView) {
  return { cart, ...orderTotals(cart.subtotalCents) };
}

/** The cart priced from PostgreSQL, and each line's product (for the stock moves and the snapshot). */
async function priceFromDatabase(owner: CartOwner) {
  const quantities = await readCartLines(owner);
  if (quantities.size === 0) throw new CheckoutError("invalid_input", "Your cart is empty.");
  const variants = new Map<number, VariantWithProduct | null>();
  for (const variantId of quantities.keys()) variants.set(variantId, await loadVariant(variantId));
  const cart = await priceCart(quantities, async (variantId) => variants.get(variantId) ?? null);
  return { cart, variants };
}

function outOfStock(cart: CartView, variantIds: number[]): FinalAnswer {
  const lines = cart.lines
    .filter((line) => variantIds.includes(line.variantId))
    .map((line) => ({
      variantId: line.variantId,
      name: line.name,
      sku: line.sku,
      quantity: line.quantity,
      available: line.available,
    }));
  const names = lines.map((line) => `${line.name}${line.sku ? ` (${line.sku})` : ""}`).join(", ");
  return {
    status: 409,
    body: {
      error: { code: "out_of_stock", message: `Not enough in stock: ${names}.`, details: { lines } },
      ...summary(cart),
    },
  };
}

async function existingOrder(idempotencyKey: string): Promise<FinalAnswer | null> {
  const order = await db.order.findUnique({ where: { idempotencyKey }, include });
  return order && { status: 200, body: { order: orderView(order) } };
}

export async function placeOrder(request: OrderRequest): Promise<FinalAnswer> {
  const { owner, userId, input, idempotencyKey, provider } = request;
  // A Redis record lost after an order was written: the order itself answers.
  const earlier = await existingOrder(idempotencyKey);
  if (earlier) return earlier;

  const { cart, variants } = await priceFromDatabase(owner);
  if (input.fingerprint !== undefined && input.fingerprint !== cart.fingerprint) {
    const message = "Your cart changed since you saw it (prices or items). Please review the new summary.";
    return { status: 409, body: { error: { code: "cart_changed", message }, ...summary(cart) } };
  }
  const problems = cart.lines.filter((line) => line.problem).map((line) => line.variantId);
  if (problems.length > 0) return outOfStock(cart, problems);

  const totals = orderTotals(cart.subtotalCents);
  const stockLines: StockLine[] = cart.lines.map((line) => ({
    variantId: line.variantId,
    productId: variants.get(line.variantId)!.product.id,
    quantity: line.quantity,
  }));
  const accessToken = userId ? null : randomBytes(32).toString("base64url");
  type Written =
    | { kind: "order"; id: string; number: string }
    | { kind: "short"; variantIds: number[] }
    | { kind: "replay"; answer: FinalAnswer | null };
  const written: Written = await db
    .$transaction(async (tx): Promise<Written> => {
      await takeStock(tx, stockLines);
      const [{ n }] = await tx.$queryRaw<{ n: bigint }[]>`SELECT nextval('orders_number_seq') AS n`;
      const order = await tx.order.create({
        data: {
          number: `BR-${n}`,
          userId,
          email: input.email,
          name: input.name,
          addressLine1: input.address.line1,
          addressLine2: input.address.line2 ?? null,
          city: input.address.city,
          postalCode: input.address.postalCode,
          country: input.address.country,
          currency: cart.currency,
          ...totals,
          guestTokenHash: accessToken && createHash("sha256").update(accessToken).digest("hex"),
          idempotencyKey,
          lines: {
            create: cart.lines.map((line) => ({
              variantId: line.variantId,
              productSlug: line.productSlug ?? "",
              name: line.name,
              sku: line.sku ?? "",
              options: line.options,
              unitPriceCents: line.unitPriceCents,
              quantity: line.quantity,
            })),
          },
        },
      });
      return { kind: "order", id: order.id, number: order.number };
    }, TRANSACTION_OPTIONS)
    .catch(async (error: { code?: string }): Promise<Written> => {
      // Rolled back: a line was short, and nothing was taken.
      if (error instanceof ShortOfStockError) return { kind: "short", variantIds: error.variantIds };
      // The same key raced past Redis (its record was lost): the unique column lets one order through.
      if (error.code === "P2002") return { kind: "replay", answer: await existingOrder(idempotencyKey) };
      throw error;
    });
  if (written.kind === "replay") {
    if (!written.answer) throw new Error("an order with this idempotency key was written and is gone");
    return written.answer;
  }
  if (written.kind === "short") return outOfStock(cart, written.variantIds);
  const order = written;
  const productIds = [...new Set(stockLines.map((line) => line.productId))];
  await invalidateProducts(...productIds);

  const card = { number: input.payment.cardNumber, expiry: input.payment.expiry, cvc: input.payment.cvc };
  const authorization = await provider.authorize({
    amountCents: totals.totalCents,
    currency: cart.currency,
    card,
    orderNumber: order.number,
  });
  if (!authorization.approved) {
    await db.$transaction(async (tx) => {
      const { count } = await tx.order.updateMany({
        where: { id: order.id, status: OrderStatus.PENDING },
        data: { status: OrderStatus.PAYMENT_FAILED, declineReason: authorization.reason },
      });
      if (count === 1) await restoreStock(tx, stockLines);
    }, TRANSACTION_OPTIONS);
    await invalidateProducts(...productIds);
    return {
      status: 402,
      body: {
        error: { code: "payment_declined", message: `${authorization.reason} Nothing was charged; try another card.` },
        order: { id: order.id, number: order.number, status: "payment_failed" },
      },
    };
  }
  // Conditional: an order the sweep already cancelled (its stock given back) must not turn paid.
  const { count } = await db.order.updateMany({
    where: { id: order.id, status: OrderStatus.PENDING },
    data: { status: OrderStatus.PAID, paymentReference: authorization.reference },
  });
  if (count === 0) throw new Error(`order ${order.number} stopped being pending before its payment was recorded`);
  const paid = await db.order.findUniqueOrThrow({ where: { id: order.id }, include });
  // Paid is paid: a cart that cannot be emptied now (Redis down) must not turn the answer into an error.
  await clearCart(owner).catch((error: Error) =>
    console.error(`[brisk] cart not emptied after ${order.number}: ${error.message}`),
  );
  await sendOrderConfirmation(paid, accessToken);
  return { status: 201, body: { order: { ...orderView(paid), ...(accessToken ? { accessToken } : {}) } } };
}
