import type { ErrorCode } from "../http/errors";

/**
 * A checkout refused before anything was recorded (bad input, an empty cart, an Idempotency-Key reused
 * with another body or still running): the route and the page turn it into their answers. Refusals that
 * are recorded for replays are outcomes (lib/orders/outcome.ts).
 */
export class CheckoutError extends Error {
  constructor(
    readonly code: Extract<ErrorCode, "invalid_input" | "idempotency_conflict">,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = "CheckoutError";
  }
}
