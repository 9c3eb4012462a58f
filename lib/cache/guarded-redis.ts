import type { Breaker } from "./breaker";

/** Runs Redis commands under the breaker; null when Redis may not, or could not, be used. */
export type WithRedis = (<R>(call: () => Promise<R>) => Promise<{ result: R } | null>) & {
  /**
   * Whether Redis is known unusable right now, without waiting: the breaker skips it, or the connection
   * is known lost (`ready` answers false at once, which counts as a failure, as a call would).
   */
  knownDown(): boolean;
};

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
  const failed = (error: unknown): null => {
    breaker.failure();
    warnThrottled(`Redis failed (${(error as Error).message}); breaker ${breaker.state}`);
    return null;
  };
  function run<R>(call: () => Promise<R>): Promise<{ result: R } | null> {
    let reply: Promise<R>;
    try {
      reply = call();
    } catch (error) {
      return Promise.resolve(failed(error));
    }
    return reply.then((result) => {
      breaker.success();
      return { result };
    }, failed);
  }
  // Not an async function: on the hit path every promise and turn of the microtask queue counts.
  function withRedis<R>(call: () => Promise<R>): Promise<{ result: R } | null> {
    if (!breaker.allows()) return Promise.resolve(null);
    const isReady = ready();
    if (isReady === true) return run(call);
    return Promise.resolve(isReady).then((ok) => {
      if (ok) return run(call);
      breaker.failure();
      return null;
    });
  }
  return Object.assign(withRedis, {
    knownDown(): boolean {
      if (breaker.skipping) return true;
      if (ready() !== false) return false;
      breaker.failure();
      return true;
    },
  });
}
