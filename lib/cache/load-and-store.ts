import type { CoherentL1 } from "./coherent-l1";
import { encodeEnvelope } from "./envelope";
import type { WithRedis } from "./guarded-redis";
import type { RedisStore } from "./redis-store";
import type { CacheMetrics, Cached, GetOrSetOptions } from "./types";
import { ttlOf } from "./validate-options";

/** What loading a value needs from the cache. */
export interface LoadContext {
  store: RedisStore;
  withRedis: WithRedis;
  l1: CoherentL1;
  metrics: CacheMetrics;
}

/** A load's outcome: stored by us (MISS), stored by another process we waited for (HIT), or not stored (BYPASS). */
export type Loaded<T> = Cached<T> & { status: "MISS" | "HIT" | "BYPASS" };

/** Runs the caller's loader, reporting how long it took and whether it failed. */
export async function runLoader<T>(opts: GetOrSetOptions<T>, metrics: CacheMetrics): Promise<T> {
  const started = performance.now();
  try {
    const value = await opts.load();
    metrics.load((performance.now() - started) / 1000, "ok");
    return value;
  } catch (error) {
    metrics.load((performance.now() - started) / 1000, "error");
    throw error;
  }
}

function jitteredMs(ttlSeconds: number): number {
  return Math.max(1, Math.round(ttlSeconds * 1000 * (0.9 + Math.random() * 0.2)));
}

/**
 * Loads the value and stores it in Redis, stamped with `startedAt` (Redis clock, µs: a tag invalidated
 * after it makes the entry stale), fresh for the jittered TTL and kept through grace. The callers are
 * answered as soon as the entry is sent, not when Redis confirms it (with AOF `always` that is an fsync
 * later): a read this process sends next goes out on the same connection behind the write, and the other
 * processes wait on the key's lock, which `stored` releases once Redis has answered. A value that cannot be
 * serialized is not stored (BYPASS); a write that fails leaves the entry unstored, and counts against the
 * breaker. `stored` runs exactly once, whatever happens (the loader failing too).
 */
export async function loadAndStore<T>(
  ctx: LoadContext,
  opts: GetOrSetOptions<T>,
  startedAt: number,
  stored: () => void = () => undefined,
): Promise<Loaded<T>> {
  let handedOn = false;
  try {
    const generationAtRead = ctx.l1.generation;
    const value = await runLoader(opts, ctx.metrics);
    const missing = value === null || value === undefined;
    const freshMs = jitteredMs(ttlOf(opts, value));
    const graceMs = missing ? 0 : (opts.grace ?? 0) * 1000;
    const tags = typeof opts.tags === "function" ? opts.tags(value) : (opts.tags ?? []);
    const envelope = { at: startedAt, exp: startedAt + freshMs * 1000, tags, value };
    let encoded: string;
    try {
      encoded = encodeEnvelope(envelope);
    } catch (error) {
      console.warn(`[cache] ${opts.key} cannot be serialized, not cached: ${(error as Error).message}`);
      return { value, status: "BYPASS" };
    }
    // withRedis never rejects: a write that fails counts against the breaker like any other command.
    void ctx.withRedis(() => ctx.store.write(opts.key, encoded, freshMs + graceMs, tags)).then(stored);
    handedOn = true;
    ctx.l1.keep(opts.key, envelope, startedAt, generationAtRead);
    return { value, status: "MISS" };
  } finally {
    if (!handedOn) stored();
  }
}
