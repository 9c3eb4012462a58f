import { randomUUID } from "node:crypto";
import { updateVariants } from "@/lib/catalog/mutations";
import { db } from "@/lib/db";
import { BrowserClient } from "./browser-client";

/** Test helpers for checkout: variants with a chosen stock and price, carts over HTTP, a valid request. */

let taken = new Set<number>();

/** A variant of an active product that no order names and no earlier call in this test file took, set to `stock` (and `priceCents`), caches invalidated. */
export async function freshVariant(stock: number, priceCents?: number) {
  const variant = await db.variant.findFirstOrThrow({
    // Never ordered before (by any test file), so counting its orders counts this test's.
    where: { id: { notIn: [...taken] }, product: { status: "ACTIVE" }, orderLines: { none: {} } },
    select: { id: true, productId: true, priceCents: true, product: { select: { slug: true } } },
    orderBy: { id: "desc" },
  });
  taken = new Set([...taken, variant.id]);
  await updateVariants(variant.productId, [
    { variantId: variant.id, stock, priceCents: priceCents ?? variant.priceCents },
  ]);
  return {
    id: variant.id,
    productId: variant.productId,
    slug: variant.product.slug,
    priceCents: priceCents ?? variant.priceCents,
  };
}

export async function stockOf(variantId: number): Promise<number> {
  return (await db.variant.findUniqueOrThrow({ where: { id: variantId }, select: { stock: true } })).stock;
}

export async function addToCart(client: BrowserClient, variantId: number, quantity = 1): Promise<Response> {
  return client.fetch("/api/cart/items", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ variantId, quantity }),
  });
}

export const TEST_CARD = "4242 4242 4242 4242";
export const DECLINED_CARD = "4000 0000 0000 0002";

export function checkoutBody(overrides: { cardNumber?: string; fingerprint?: string; line1?: string } = {}) {
  return {
    email: `buyer-${randomUUID()}@example.com`,
    name: "Ada Lovelace",
    address: { line1: overrides.line1 ?? "1 Analytical Way", city: "London", postalCode: "N1 9GU", country: "GB" },
    payment: { cardNumber: overrides.cardNumber ?? TEST_CARD, expiry: "12/39", cvc: "123" },
    ...(overrides.fingerprint ? { fingerprint: overrides.fingerprint } : {}),
  };
}

export async function postCheckout(client: BrowserClient, body: unknown, key: string = randomUUID()) {
  const response = await client.fetch("/api/checkout", {
    method: "POST",
    headers: { "content-type": "application/json", "idempotency-key": key },
    body: JSON.stringify(body),
  });
  return { status: response.status, json: await response.json() };
}
