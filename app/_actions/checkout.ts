"use server";

import { randomUUID } from "node:crypto";
import { revalidatePath } from "next/cache";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { currentUser } from "@/lib/auth/current-user";
import { cartOwnerOf } from "@/lib/cart/request-owner";
import { BRIEFLY_UNAVAILABLE } from "@/lib/http/unavailable";
import { checkout } from "@/lib/orders/checkout";
import { CheckoutError } from "@/lib/orders/errors";
import { checkoutSchema, idempotencyKeySchema } from "@/lib/orders/input";
import { refusalMessage, type OrderOutcome, type Summary } from "@/lib/orders/outcome";
import { StateUnavailableError } from "@/lib/redis/state";
import { describeIssues } from "@/lib/validation";

/**
 * The checkout page's server action: the same lib/orders checkout as the API, its outcome turned into a
 * redirect or the form's state. The form carries the summary's fingerprint and an idempotency token
 * minted with the page; after a decline a new token is minted, so the shopper can try another card.
 */

export interface CheckoutFormState {
  error?: string;
  /** Set when the page must start over with a new summary (the cart changed) or a new token (a decline). */
  summary?: Summary;
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
  let outcome: OrderOutcome;
  try {
    const signedIn = await currentUser();
    const owner = cartOwnerOf(signedIn, await cookies());
    const userId = signedIn?.user.id ?? null;
    ({ outcome } = await checkout({ owner, userId, input: input.data, idempotencyKey: key.data }));
  } catch (error) {
    if (error instanceof CheckoutError) return { error: error.message };
    if (error instanceof StateUnavailableError) return { error: BRIEFLY_UNAVAILABLE.checkout };
    throw error;
  }
  if (outcome.kind === "paid" || outcome.kind === "existing") {
    const accessToken = outcome.kind === "paid" ? outcome.accessToken : undefined;
    const token = accessToken ? `?token=${encodeURIComponent(accessToken)}` : "";
    revalidatePath("/", "layout"); // the header's cart count: the cart is empty now
    redirect(`/orders/${outcome.order.id}${token}`);
  }
  // A decline, or a new summary to review: the next attempt is a new request, with a new token.
  const error = refusalMessage(outcome);
  if (outcome.kind === "declined") return { error, token: randomUUID() };
  return { error, summary: outcome.summary, token: randomUUID() };
}
