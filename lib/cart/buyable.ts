/**
 * How many of a cart line can be bought now: what the subtotal counts for it. Pure (no imports), so the
 * checkout summary in the browser counts a line as lib/cart/view.ts does on the server.
 */
export const buyableQuantity = (line: { quantity: number; available: number }) =>
  Math.min(line.quantity, line.available);
