import type { CartOwner } from "../redis/keys";
import { CheckoutError } from "./errors";
import { claimKey, recordAnswer, releaseKey, type FinalAnswer } from "./idempotency";
import { requestHash, type CheckoutInput } from "./input";
import { testPaymentProvider, type PaymentProvider } from "./payment";
import { placeOrder } from "./place-order";

/**
 * Checkout for the API and the page: the card is checked before anything happens, then the
 * Idempotency-Key (scoped to the user, or to the guest's cart) makes a repeated request replay the first
 * final answer instead of ordering twice. Throws CheckoutError for refusals that are not recorded (bad
 * input, a key reused with another body), and StateUnavailableError / database errors as they come.
 */

export interface CheckoutRequest {
  owner: CartOwner | null;
  userId: string | null;
  input: CheckoutInput;
  idempotencyKey: string;
  provider?: PaymentProvider;
}

export async function checkout(request: CheckoutRequest): Promise<FinalAnswer> {
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
  if (claim.kind === "replay") {
    return { status: claim.answer.status === 201 ? 200 : claim.answer.status, body: claim.answer.body };
  }
  try {
    const answer = await placeOrder({
      owner,
      userId: request.userId,
      input,
      idempotencyKey: `${scope}:${idempotencyKey}`,
      provider,
    });
    await recordAnswer(scope, idempotencyKey, hash, answer);
    return answer;
  } catch (error) {
    // No final answer: give the key up, so the shopper's retry runs (the order table still guards it).
    await releaseKey(scope, idempotencyKey).catch(() => undefined);
    throw error;
  }
}
