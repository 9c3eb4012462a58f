import type { Breaker } from "./breaker";

/** Runs Redis commands under the breaker; null when Redis may not, or could not, be used. */
export type WithRedis = <R>(call: () => Promise<R>) => Promise<{ result: R } | null>;

let lastWarning = 0;

/** One line per few seconds is enough to see trouble with Redis in the logs. */
function warnThrottled(message: string): void {
  if (Date.now() - lastWarning < 5_000) return;
  lastWarning = Date.now();
  console.warn(`[cache] ${message}`);
}

/**
 * The one way the cache reaches Redis. A call is skipped while the breaker is open, and counts as a
 * failure when Redis is not ready; otherwise its outcome closes or trips the breaker. Each round trip is
 * bounded by the deadline given to the store, so a call here fails instead of hanging.
 */
export function guardedRedis(breaker: Breaker, ready: () => Promise<boolean> | boolean): WithRedis {
  return async function withRedis<R>(call: () => Promise<R>): Promise<{ result: R } | null> {
    if (!breaker.allows()) return null;
    if (!(await ready())) {
      breaker.failure();
      return null;
    }
    try {
      const result = await call();
      breaker.success();
      return { result };
    } catch (error) {
      breaker.failure();
      warnThrottled(`Redis failed (${(error as Error).message}); breaker ${breaker.state}`);
      return null;
    }
  };
}
