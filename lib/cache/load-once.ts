import { randomUUID } from "node:crypto";
import { loadAndStore, runLoader, type LoadContext, type Loaded } from "./load-and-store";
import type { GetOrSetOptions } from "./types";

export interface LockTiming {
  /** How long a loader holds its key's lock (ms). */
  ttlMs: number;
  /** How often a waiter looks for the holder's result (ms). */
  pollMs: number;
}

/**
 * The one load of a key among all processes sharing Redis: whoever takes the key's lock loads and
 * stores; the others poll the key for the result. A holder that dies leaves a lock that expires, and
 * the next waiter to take it loads instead. Redis failing midway: load without it (BYPASS).
 */
export async function loadOnce<T>(ctx: LoadContext, lock: LockTiming, opts: GetOrSetOptions<T>): Promise<Loaded<T>> {
  const { store, withRedis, l1, metrics } = ctx;
  const token = randomUUID();
  const deadline = Date.now() + lock.ttlMs + lock.pollMs;
  for (let attempt = 0; Date.now() <= deadline; attempt++) {
    if (attempt > 0) await new Promise((resolve) => setTimeout(resolve, lock.pollMs));
    // Taken or not, look too: the entry may have been stored since this caller missed it. Both go out
    // together, the lock first: on one connection Redis runs them in that order (one round trip).
    const generationAtRead = l1.generation;
    const [locked, current] = await Promise.all([
      withRedis(() => store.tryLock(opts.key, token, lock.ttlMs)),
      withRedis(() => store.read<T>(opts.key)),
    ]);
    const release = () => void withRedis(() => store.releaseLock(opts.key, token));
    if (!locked || !current) {
      if (locked?.result) release();
      return { value: await runLoader(opts, metrics), status: "BYPASS" };
    }
    const { envelope, now } = current.result;
    if (envelope && envelope.exp > now) {
      if (locked.result) release();
      l1.keep(opts.key, envelope, now, generationAtRead);
      return { value: envelope.value, status: "HIT" };
    }
    // The lock is released once Redis has stored the value; the callers do not wait for that.
    if (locked.result) return await loadAndStore(ctx, opts, now, release);
  }
  // The holder kept the lock past its lifetime without storing anything: load, and store, ourselves.
  const now = (await withRedis(() => store.read(opts.key)))?.result.now ?? Date.now() * 1000;
  return loadAndStore(ctx, opts, now);
}
