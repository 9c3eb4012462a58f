import { NextResponse } from "next/server";
import { ERROR_STATUS, jsonError } from "../http/errors";
import { answerStateUnavailable } from "../http/unavailable";
import type { CheckoutResult } from "./checkout";
import { CheckoutError } from "./errors";
import { refusalMessage } from "./outcome";

/**
 * Checkout's answers as responses: an outcome as its status and JSON body (never cached), a refusal that
 * was not recorded as its JSON error, the state Redis down as a 503.
 */

export interface Answer {
  status: number;
  body: unknown;
}

/** 201 `{ order }` for an order paid now (200 when replayed: the first request made it); errors with their codes. */
export function checkoutAnswer({ outcome, replay }: CheckoutResult): Answer {
  switch (outcome.kind) {
    case "paid": {
      const order = outcome.accessToken ? { ...outcome.order, accessToken: outcome.accessToken } : outcome.order;
      return { status: replay ? 200 : 201, body: { order } };
    }
    case "existing":
      return { status: 200, body: { order: outcome.order } };
    case "declined": {
      const error = { code: "payment_declined", message: refusalMessage(outcome) };
      return { status: ERROR_STATUS.payment_declined, body: { error, order: outcome.order } };
    }
    case "cart_changed": {
      const error = { code: "cart_changed", message: refusalMessage(outcome) };
      return { status: ERROR_STATUS.cart_changed, body: { error, ...outcome.summary } };
    }
    case "out_of_stock": {
      const error = { code: "out_of_stock", message: refusalMessage(outcome), details: { lines: outcome.lines } };
      return { status: ERROR_STATUS.out_of_stock, body: { error, ...outcome.summary } };
    }
  }
}

export function checkoutResponse(result: CheckoutResult): Response {
  const { status, body } = checkoutAnswer(result);
  return NextResponse.json(body, { status, headers: { "Cache-Control": "no-store" } });
}

/** A refusal as its JSON error, the state Redis down as 503 `unavailable`; anything else is rethrown. */
export function checkoutErrorResponse(error: unknown): Response {
  if (error instanceof CheckoutError) return jsonError(error.code, error.message, { details: error.details });
  return answerStateUnavailable(error, "checkout");
}
