import type { CartOwner } from "../cart/types";
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

/** What a replay may show: never a guest's access token (stored nowhere but in the shopper's link). */
function replayable(answer: FinalAnswer): FinalAnswer {
  const body = answer.body as { order?: { accessToken?: string } };
  if (!body.order?.accessToken) return answer;
  const order = { ...body.order };
  delete order.accessToken;
  return { ...answer, body: { ...body, order } };
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
  let answer: FinalAnswer;
  try {
    answer = await placeOrder({
      owner,
      userId: request.userId,
      input,
      idempotencyKey: `${scope}:${idempotencyKey}`,
      provider,
    });
  } catch (error) {
    // No final answer: give the key up, so the shopper's retry runs (the order table still guards it).
    await releaseKey(scope, idempotencyKey).catch(() => undefined);
    throw error;
  }
  // The answer stands even if Redis cannot keep it now: a retry finds the order by its unique key.
  await recordAnswer(scope, idempotencyKey, hash, replayable(answer)).catch((error: Error) =>
    console.error(`[brisk] checkout answer not recorded for replay: ${error.message}`),
  );
  return answer;
}
