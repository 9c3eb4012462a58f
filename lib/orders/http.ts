import { NextResponse } from "next/server";
import { jsonError, unavailable } from "../http/errors";
import { StateUnavailableError } from "../redis/state";
import { CheckoutError } from "./errors";
import type { FinalAnswer } from "./idempotency";

/** Checkout's answers as responses: the final answer as it is, a refusal as its JSON error. */

export function answerResponse(answer: FinalAnswer): Response {
  return NextResponse.json(answer.body, { status: answer.status, headers: { "Cache-Control": "no-store" } });
}

export function checkoutErrorResponse(error: unknown): Response {
  if (error instanceof CheckoutError) return jsonError(error.code, error.message, { details: error.details });
  if (error instanceof StateUnavailableError) {
    return unavailable("Checkout is briefly unavailable; nothing was charged. Please try again.");
  }
  throw error;
}
