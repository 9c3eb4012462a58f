/**
 * Shipping and tax from the subtotal, in cents: free shipping from $50, else a flat $4.99; a flat 8% sales
 * tax, rounded half up. (Real rates depend on the address; the shape, integer cents, does not.)
 */

export const FREE_SHIPPING_FROM_CENTS = 5_000;
export const SHIPPING_CENTS = 499;
export const TAX_RATE_PERCENT = 8;

export interface Totals {
  subtotalCents: number;
  shippingCents: number;
  taxCents: number;
  totalCents: number;
}

export function orderTotals(subtotalCents: number): Totals {
  const shippingCents = subtotalCents === 0 || subtotalCents >= FREE_SHIPPING_FROM_CENTS ? 0 : SHIPPING_CENTS;
  const taxCents = Math.round((subtotalCents * TAX_RATE_PERCENT) / 100);
  return { subtotalCents, shippingCents, taxCents, totalCents: subtotalCents + shippingCents + taxCents };
}
