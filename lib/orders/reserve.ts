import { createHash, randomBytes } from "node:crypto";
import { invalidateProducts } from "../catalog/mutations";
import { db } from "../db";
import type { CheckoutInput } from "./input";
import type { Priced } from "./price";
import { productIdsOf, ShortOfStockError, takeStock, TRANSACTION_OPTIONS } from "./stock";

/**
 * Step 2 of placing an order: one transaction takes the stock (conditionally, per line) and writes the
 * order as pending, with the guest's access token as a hash only. Short of stock, nothing commits.
 */

export interface Reservation {
  userId: string | null;
  input: CheckoutInput;
  /** `<scope>:<Idempotency-Key>`, unique on the order table. */
  idempotencyKey: string;
}

export type Reserved =
  | { kind: "reserved"; order: { id: string; number: string }; accessToken: string | null }
  | { kind: "short"; variantIds: number[] }
  /** Another request with the same key wrote its order first. */
  | { kind: "taken" };

export async function reserve(priced: Priced, { userId, input, idempotencyKey }: Reservation): Promise<Reserved> {
  const { cart, totals, stockLines } = priced;
  const accessToken = userId ? null : randomBytes(32).toString("base64url");
  const reserved = await db
    .$transaction(async (tx): Promise<Reserved> => {
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
      return { kind: "reserved", order: { id: order.id, number: order.number }, accessToken };
    }, TRANSACTION_OPTIONS)
    .catch(async (error: { code?: string }): Promise<Reserved> => {
      // Rolled back: a line was short, and nothing was taken.
      if (error instanceof ShortOfStockError) return { kind: "short", variantIds: error.variantIds };
      // The same key raced past Redis (its record was lost): the unique column lets one order through.
      if (error.code === "P2002") return { kind: "taken" };
      throw error;
    });
  // After the commit, so that no instance caches the stock from before it again.
  if (reserved.kind === "reserved") await invalidateProducts(...productIdsOf(stockLines));
  return reserved;
}
