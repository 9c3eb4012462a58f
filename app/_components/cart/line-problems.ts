import type { CartLine, LineProblem } from "@/lib/cart/view";

/** What a cart line's problem means for the shopper, and what to do about it (cart page and checkout). */
export const LINE_PROBLEMS: Record<LineProblem, (line: CartLine) => string> = {
  unavailable: () => "This item is no longer sold. Remove it to check out.",
  archived: () => "This item is no longer available. Remove it to check out.",
  out_of_stock: () => "Out of stock for now. Remove it to check out.",
  insufficient_stock: (line) => `Only ${line.available} left: lower the quantity to check out.`,
};
