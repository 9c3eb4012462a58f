"use server";

import { randomUUID } from "node:crypto";
import { revalidatePath } from "next/cache";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { currentUser } from "@/lib/auth/current-user";
import { cartOwnerOf } from "@/lib/cart/request-owner";
import type { CartView } from "@/lib/cart/view";
import { checkout } from "@/lib/orders/checkout";
import { CheckoutError } from "@/lib/orders/errors";
import { checkoutSchema, idempotencyKeySchema } from "@/lib/orders/input";
import type { Totals } from "@/lib/orders/totals";
import { StateUnavailableError } from "@/lib/redis/state";
import { describeIssues } from "@/lib/validation";

/**
 * The checkout page's server action: the same lib/orders checkout as the API. The form carries the
 * summary's fingerprint and an idempotency token minted with the page; after a decline a new token is
 * minted, so the shopper can try another card.
 */

export interface CheckoutFormState {
  error?: string;
  /** Set when the page must start over with a new summary (the cart changed) or a new token (a decline). */
  summary?: Totals & { cart: CartView };
  token?: string;
  /** What the shopper typed (never the card), so the form keeps it after an answer. */
  values?: Record<string, string>;
}

const KEPT_FIELDS = ["email", "name", "line1", "line2", "city", "postalCode", "country"] as const;

function field(form: FormData, name: string): string | undefined {
  const value = form.get(name);
  return typeof value === "string" && value !== "" ? value : undefined;
}

function inputFrom(form: FormData) {
  return {
    email: field(form, "email"),
    name: field(form, "name"),
    address: {
      line1: field(form, "line1"),
      line2: field(form, "line2"),
      city: field(form, "city"),
      postalCode: field(form, "postalCode"),
      country: field(form, "country"),
    },
    payment: { cardNumber: field(form, "cardNumber"), expiry: field(form, "expiry"), cvc: field(form, "cvc") },
    fingerprint: field(form, "fingerprint"),
  };
}

export async function placeOrderAction(previous: CheckoutFormState | null, form: FormData): Promise<CheckoutFormState> {
  const values = Object.fromEntries(KEPT_FIELDS.map((name) => [name, field(form, name) ?? ""]));
  const answer = await placeOrder(form);
  return { ...answer, values, token: answer.token ?? previous?.token };
}

async function placeOrder(form: FormData): Promise<CheckoutFormState> {
  const input = checkoutSchema.safeParse(inputFrom(form));
  if (!input.success) return { error: describeIssues(input.error) };
  const key = idempotencyKeySchema.safeParse(field(form, "token"));
  if (!key.success) return { error: "This form is out of date: please reload the page." };
  let answer;
  try {
    const signedIn = await currentUser();
    const owner = cartOwnerOf(signedIn, await cookies());
    answer = await checkout({ owner, userId: signedIn?.user.id ?? null, input: input.data, idempotencyKey: key.data });
  } catch (error) {
    if (error instanceof CheckoutError) return { error: error.message };
    if (error instanceof StateUnavailableError) {
      return { error: "Checkout is briefly unavailable; nothing was charged. Please try again in a moment." };
    }
    throw error;
  }
  const body = answer.body as {
    order?: { id: string; accessToken?: string };
    error?: { code: string; message: string };
  } & Partial<Totals & { cart: CartView }>;
  if (body.order && (answer.status === 200 || answer.status === 201)) {
    const token = body.order.accessToken ? `?token=${encodeURIComponent(body.order.accessToken)}` : "";
    revalidatePath("/", "layout"); // the header's cart count: the cart is empty now
    redirect(`/orders/${body.order.id}${token}`);
  }
  const message = body.error?.message ?? "The order could not be placed.";
  if (body.error?.code === "payment_declined") return { error: message, token: randomUUID() };
  if (body.cart) {
    const { cart, subtotalCents, shippingCents, taxCents, totalCents } = body as Totals & { cart: CartView };
    return {
      error: message,
      summary: { cart, subtotalCents, shippingCents, taxCents, totalCents },
      token: randomUUID(),
    };
  }
  return { error: message };
}
