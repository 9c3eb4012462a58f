import { StateUnavailableError } from "../redis/state";
import { unavailable } from "./errors";

/**
 * What shoppers are told while the state Redis (carts, sessions, idempotency records) is briefly
 * unavailable: nothing is lost, and the same request works again in a moment. Pages, actions and routes
 * all say it with these words.
 */
export const BRIEFLY_UNAVAILABLE = {
  cart: "Your cart is briefly unavailable. Please try again in a moment.",
  signIn: "Sign-in is briefly unavailable. Please try again in a moment.",
  checkout: "Checkout is briefly unavailable; nothing was charged. Please try again in a moment.",
  orders: "Your orders are briefly unavailable. Please try again in a moment.",
  account: "Your account is briefly unavailable. Please try again in a moment.",
} as const;

/** A route's 503 `unavailable` for `error` when it is the state Redis; any other error is thrown. */
export function answerStateUnavailable(error: unknown, what: keyof typeof BRIEFLY_UNAVAILABLE): Response {
  if (error instanceof StateUnavailableError) return unavailable(BRIEFLY_UNAVAILABLE[what]);
  throw error;
}
