import { NextResponse } from "next/server";
import type { ZodError } from "zod";
import { describeIssues } from "../validation";

/** The JSON error shape of every route: `{ error: { code, message } }`, with the status its code implies. */

export const ERROR_STATUS = {
  invalid_input: 400,
  unauthorized: 401,
  payment_declined: 402,
  forbidden: 403,
  not_found: 404,
  method_not_allowed: 405,
  out_of_stock: 409,
  in_stock: 409,
  cart_full: 409,
  cart_changed: 409,
  idempotency_conflict: 409,
  insufficient_stock: 409,
  invalid_transition: 409,
  edit_conflict: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  rate_limited: 429,
  unavailable: 503,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

export function jsonError(code: ErrorCode, message: string, init: { headers?: HeadersInit; details?: unknown } = {}) {
  const body = { error: { code, message, ...(init.details === undefined ? {} : { details: init.details }) } };
  return NextResponse.json(body, { status: ERROR_STATUS[code], headers: init.headers });
}

/** A 503 `unavailable` (a dependency is down), asking the client to retry shortly. */
export function unavailable(message: string) {
  return jsonError("unavailable", message, { headers: { "Retry-After": "5" } });
}

/** A 400 naming each bad field. */
export function invalidInput(error: ZodError) {
  return jsonError("invalid_input", describeIssues(error));
}
