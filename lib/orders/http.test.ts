import { describe, expect, it } from "vitest";
import { StateUnavailableError } from "../redis/state";
import { replayable } from "./checkout";
import { CheckoutError } from "./errors";
import { checkoutAnswer, checkoutErrorResponse } from "./http";
import type { OrderView } from "./order-view";
import type { OrderOutcome, Summary } from "./outcome";

// Outcomes to HTTP: the statuses and bodies the API has always answered.

const order = { id: "o1", number: "BR-1", status: "paid" } as OrderView;
const summary = {
  cart: { lines: [], count: 0, subtotalCents: 1_000, currency: "USD", fingerprint: "f" },
  subtotalCents: 1_000,
  shippingCents: 499,
  taxCents: 80,
  totalCents: 1_579,
} satisfies Summary;
const answer = (outcome: OrderOutcome, replay = false) => checkoutAnswer({ outcome, replay });

describe("checkout answers", () => {
  it("an order paid now is 201 with the guest's token; replayed, 200 without it", () => {
    const paid: OrderOutcome = { kind: "paid", order, accessToken: "t0k3n" };
    expect(answer(paid)).toEqual({ status: 201, body: { order: { ...order, accessToken: "t0k3n" } } });
    expect(answer(replayable(paid), true)).toEqual({ status: 200, body: { order } });
    expect(replayable(paid)).toEqual({ kind: "paid", order });
    expect(answer({ kind: "existing", order })).toEqual({ status: 200, body: { order } });
  });

  it("refusals keep their status on a replay, with their codes, messages and summaries", () => {
    const declined: OrderOutcome = {
      kind: "declined",
      order: { id: "o2", number: "BR-2", status: "payment_failed" },
      reason: "Your card was declined.",
    };
    expect(answer(declined, true)).toEqual({
      status: 402,
      body: {
        error: { code: "payment_declined", message: "Your card was declined. Nothing was charged; try another card." },
        order: { id: "o2", number: "BR-2", status: "payment_failed" },
      },
    });
    expect(answer({ kind: "cart_changed", summary }, true)).toEqual({
      status: 409,
      body: {
        error: {
          code: "cart_changed",
          message: "Your cart changed since you saw it (prices or items). Please review the new summary.",
        },
        ...summary,
      },
    });
    const lines = [
      { variantId: 7, name: "Mug", sku: "MUG-1", quantity: 2, available: 1 },
      { variantId: 8, name: "Gone", sku: null, quantity: 1, available: 0 },
    ];
    expect(answer({ kind: "out_of_stock", lines, summary })).toEqual({
      status: 409,
      body: {
        error: { code: "out_of_stock", message: "Not enough in stock: Mug (MUG-1), Gone.", details: { lines } },
        ...summary,
      },
    });
  });

  it("a refusal not recorded is its JSON error; the state Redis down, a 503 to retry", async () => {
    const conflict = checkoutErrorResponse(new CheckoutError("idempotency_conflict", "used"));
    expect([conflict.status, await conflict.json()]).toEqual([
      409,
      { error: { code: "idempotency_conflict", message: "used" } },
    ]);
    const down = checkoutErrorResponse(new StateUnavailableError("down"));
    expect(down.status).toBe(503);
    expect(down.headers.get("retry-after")).toBe("5");
    expect(() => checkoutErrorResponse(new Error("other"))).toThrow("other");
  });
});
