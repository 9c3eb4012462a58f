import type { CartOwner } from "../cart/types";
import { CheckoutError } from "./errors";
import { claimKey, recordOutcome, releaseKey } from "./idempotency";
import { requestHash, type CheckoutInput } from "./input";
import type { OrderOutcome } from "./outcome";
import { testPaymentProvider, type PaymentProvider } from "./payment";
import { placeOrder } from "./place-order";

/**
 * Checkout for the API and the page: the card is checked before anything happens, then the
 * Idempotency-Key (scoped to the user, or to the guest's cart) makes a repeated request replay the first
 * outcome instead of ordering twice. Throws CheckoutError for refusals that are not recorded (bad input,
 * a key reused with another body), and StateUnavailableError / database errors as they come.
 */

export interface CheckoutRequest {
  owner: CartOwner | null;
  userId: string | null;
  input: CheckoutInput;
  idempotencyKey: string;
  provider?: PaymentProvider;
}

export interface CheckoutResult {
  outcome: OrderOutcome;
  /** The outcome of an earlier request with the same key and body, replayed (nothing was done now). */
  replay: boolean;
}

/** What a replay may show: never a guest's access token (stored nowhere but in the shopper's link). */
export function replayable(outcome: OrderOutcome): OrderOutcome {
  if (outcome.kind !== "paid" || !outcome.accessToken) return outcome;
  const kept = { ...outcome };
  delete kept.accessToken;
  return kept;
}

export async function checkout(request: CheckoutRequest): Promise<CheckoutResult> {
  const { owner, input, idempotencyKey } = request;
  const provider = request.provider ?? testPaymentProvider;
  const card = { number: input.payment.cardNumber, expiry: input.payment.expiry, cvc: input.payment.cvc };
  const rejected = provider.rejectCard(card);
  if (rejected) throw new CheckoutError("invalid_input", `payment.cardNumber: ${rejected}`);
  if (!owner) throw new CheckoutError("invalid_input", "Your cart is empty.");

  const scope = `${owner.kind === "user" ? "u" : "c"}:${owner.id}`;
  const hash = requestHash(input);
  const claim = await claimKey(scope, idempotencyKey, hash);
  if (claim.kind === "conflict") throw new CheckoutError("idempotency_conflict", claim.message);
  if (claim.kind === "replay") return { outcome: claim.outcome, replay: true };
  let outcome: OrderOutcome;
  try {
    outcome = await placeOrder({
      owner,
      userId: request.userId,
      input,
      idempotencyKey: `${scope}:${idempotencyKey}`,
      provider,
    });
  } catch (error) {
    // No final outcome: give the key up, so the shopper's retry runs (the order table still guards it).
    await releaseKey(scope, idempotencyKey).catch(() => undefined);
    throw error;
  }
  // The outcome stands even if Redis cannot keep it now: a retry finds the order by its unique key.
  await recordOutcome(scope, idempotencyKey, hash, replayable(outcome)).catch((error: Error) =>
    console.error(`[brisk] checkout outcome not recorded for replay: ${error.message}`),
  );
  return { outcome, replay: false };
}
