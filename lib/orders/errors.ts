import type { ErrorCode } from "../http/errors";

/** A checkout refused for a known reason: the route and the page turn it into their answers. */
export class CheckoutError extends Error {
  constructor(
    readonly code: Extract<
      ErrorCode,
      "invalid_input" | "out_of_stock" | "cart_changed" | "payment_declined" | "idempotency_conflict"
    >,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = "CheckoutError";
  }
}
