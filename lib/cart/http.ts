import { NextResponse } from "next/server";
import { jsonError } from "../http/errors";
import { answerStateUnavailable } from "../http/unavailable";
import { CART_COOKIE, cartCookieOptions } from "./cookie";
import { CartError } from "./service";

/** The cart API's answers: JSON, never cached, with the cart cookie when a cart was started or renewed. */

export function cartResponse(body: unknown, cartId?: string): NextResponse {
  const response = NextResponse.json(body, { headers: { "Cache-Control": "no-store" } });
  if (cartId) response.cookies.set(CART_COOKIE, cartId, cartCookieOptions());
  return response;
}

/** A known failure as its JSON error; anything else is rethrown (the route's boundary answers 503). */
export function cartErrorResponse(error: unknown): Response {
  if (error instanceof CartError) return jsonError(error.code, error.message);
  return answerStateUnavailable(error, "cart");
}
