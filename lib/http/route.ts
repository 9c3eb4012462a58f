import { unavailable } from "./errors";

/**
 * Wraps a route handler so that nothing unexpected leaks: a thrown error is logged on the server and
 * answered as 503 `unavailable` (the usual cause is a dependency that is down), never a stack trace.
 */
export function withErrorBoundary<Args extends unknown[]>(
  name: string,
  handler: (...args: Args) => Promise<Response>,
): (...args: Args) => Promise<Response> {
  return async (...args) => {
    try {
      return await handler(...args);
    } catch (error) {
      console.error(`[${name}]`, error);
      return unavailable("The store cannot answer right now. Please try again in a moment.");
    }
  };
}
