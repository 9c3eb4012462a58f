/** Waiting on a load without being held hostage by it: the load goes on, the caller stops waiting. */

export class CacheTimeoutError extends Error {
  constructor(key: string, ms: number) {
    super(`cache: loading "${key}" took longer than ${ms} ms`);
    this.name = "CacheTimeoutError";
  }
}

/** `promise`, or a rejection with CacheTimeoutError after `ms` (no limit when `ms` is undefined). */
export function withHardTimeout<T>(promise: Promise<T>, key: string, ms: number | undefined): Promise<T> {
  if (ms === undefined) return promise;
  let timer: NodeJS.Timeout;
  const expired = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new CacheTimeoutError(key, ms)), ms);
  });
  return Promise.race([promise, expired]).finally(() => clearTimeout(timer));
}

export type Settled<T> = { state: "done"; value: T } | { state: "failed"; error: unknown } | { state: "pending" };

/** How `promise` stands after at most `ms`: done, failed, or still pending. */
export function settleWithin<T>(promise: Promise<T>, ms: number): Promise<Settled<T>> {
  const settled = promise.then(
    (value): Settled<T> => ({ state: "done", value }),
    (error: unknown): Settled<T> => ({ state: "failed", error }),
  );
  if (ms <= 0) return Promise.race([settled, Promise.resolve<Settled<T>>({ state: "pending" })]);
  let timer: NodeJS.Timeout;
  const pending = new Promise<Settled<T>>((resolve) => {
    timer = setTimeout(() => resolve({ state: "pending" }), ms);
  });
  return Promise.race([settled, pending]).finally(() => clearTimeout(timer));
}
