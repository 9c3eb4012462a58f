/** A Redis command that did not answer within its deadline. */
export class RedisTimeoutError extends Error {
  constructor(ms: number) {
    super(`Redis did not answer within ${ms} ms`);
    this.name = "RedisTimeoutError";
  }
}

/**
 * `promise`, or a RedisTimeoutError when it has not settled `ms` after the call, measured so that a busy
 * event loop does not count against Redis. Each turn of Node's loop runs expired timers before it reads
 * sockets: after the loop was blocked (a burst of requests rendering), a plain timer would fire before
 * the reply that Redis sent long ago is even read, and a healthy Redis would look slow (ioredis'
 * `commandTimeout` works that way). So when the timer fires, the verdict waits one more turn
 * (setImmediate runs after the sockets are read) and only then, if still unsettled, rejects. That turn reads
 * the replies already sent, but a command that goes out during it (the next step of a caller that just read
 * a reply) cannot be answered before the verdict: bound each round trip on its own.
 */
export function withDeadline<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    let settled = false;
    const settle = (finish: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      finish();
    };
    const timer = setTimeout(() => setImmediate(() => settle(() => reject(new RedisTimeoutError(ms)))), ms);
    promise.then(
      (value) => settle(() => resolve(value)),
      (error: unknown) => settle(() => reject(error)),
    );
  });
}
