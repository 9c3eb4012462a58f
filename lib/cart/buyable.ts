import type { CartLine } from "./view";

/**
 * How many of a line can be bought now: what the subtotal counts for it. Pure (no server imports), so the
 * checkout summary in the browser computes it as the server does.
 */
export const buyableQuantity = (line: Pick<CartLine, "quantity" | "available">) =>
  Math.min(line.quantity, line.available);
