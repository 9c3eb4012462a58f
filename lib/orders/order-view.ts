import type { Order, OrderLine } from "../generated/prisma/client.ts";

/** An order as the API and pages show it (never the guest token's hash, nor the idempotency key). */

export interface OrderView {
  id: string;
  number: string;
  status: string;
  email: string;
  name: string;
  address: { line1: string; line2: string | null; city: string; postalCode: string; country: string };
  currency: string;
  subtotalCents: number;
  shippingCents: number;
  taxCents: number;
  totalCents: number;
  paymentReference: string | null;
  declineReason: string | null;
  lines: {
    variantId: number | null;
    productSlug: string;
    name: string;
    sku: string;
    options: unknown;
    unitPriceCents: number;
    quantity: number;
  }[];
  createdAt: string;
}

/** What to include to load an order for `orderView`: its lines, in the order they were written. */
export const WITH_LINES = { lines: { orderBy: { id: "asc" } } } as const;

export function orderView(order: Order & { lines: OrderLine[] }): OrderView {
  return {
    id: order.id,
    number: order.number,
    status: order.status.toLowerCase(),
    email: order.email,
    name: order.name,
    address: {
      line1: order.addressLine1,
      line2: order.addressLine2,
      city: order.city,
      postalCode: order.postalCode,
      country: order.country,
    },
    currency: order.currency,
    subtotalCents: order.subtotalCents,
    shippingCents: order.shippingCents,
    taxCents: order.taxCents,
    totalCents: order.totalCents,
    paymentReference: order.paymentReference,
    declineReason: order.declineReason,
    lines: order.lines.map((line) => ({
      variantId: line.variantId,
      productSlug: line.productSlug,
      name: line.name,
      sku: line.sku,
      options: line.options,
      unitPriceCents: line.unitPriceCents,
      quantity: line.quantity,
    })),
    createdAt: order.createdAt.toISOString(),
  };
}
