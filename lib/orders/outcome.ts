import type { CartView } from "../cart/view";
import type { OrderView } from "./order-view";
import type { Totals } from "./totals";

/**
 * What placing an order came to, in the domain's words (no status codes): the route (lib/orders/http.ts)
 * and the page's action turn it into their answers. Every outcome is final and JSON-safe: it is recorded
 * as it is for idempotent replays, less a guest's access token.
 */

/** The cart as priced from PostgreSQL, with its totals: what the shopper has to review again. */
export type Summary = { cart: CartView } & Totals;

/** A line that cannot be had in the quantity asked for. */
export interface ShortLine {
  variantId: number;
  name: string;
  sku: string | null;
  quantity: number;
  available: number;
}

export type OrderOutcome =
  /** Paid just now; a guest's order comes with its access token, which is never recorded. */
  | { kind: "paid"; order: OrderView; accessToken?: string }
  /** The order this Idempotency-Key already wrote, as it is now (found in PostgreSQL). */
  | { kind: "existing"; order: OrderView }
  /** The card was declined: the order is payment_failed and its stock is back. */
  | { kind: "declined"; order: { id: string; number: string; status: "payment_failed" }; reason: string }
  /** The fingerprint the shopper saw no longer matches: nothing was written. */
  | { kind: "cart_changed"; summary: Summary }
  /** Some lines are short: nothing was taken. */
  | { kind: "out_of_stock"; lines: ShortLine[]; summary: Summary };

export type Refusal = Extract<OrderOutcome, { kind: "declined" | "cart_changed" | "out_of_stock" }>;

/** What the shopper is told of a refusal, by the API and the page alike. */
export function refusalMessage(refusal: Refusal): string {
  switch (refusal.kind) {
    case "declined":
      return `${refusal.reason} Nothing was charged; try another card.`;
    case "cart_changed":
      return "Your cart changed since you saw it (prices or items). Please review the new summary.";
    case "out_of_stock": {
      const names = refusal.lines.map((line) => `${line.name}${line.sku ? ` (${line.sku})` : ""}`).join(", ");
      return `Not enough in stock: ${names}.`;
    }
  }
}
