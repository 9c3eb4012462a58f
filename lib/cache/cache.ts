import { randomUUID } from "node:crypto";
import { withDeadline } from "../redis/deadline";
import { Breaker } from "./breaker";
import { CoherentL1 } from "./coherent-l1";
import { guardedRedis } from "./guarded-redis";
import { forget, joinRead, type InFlight, type Read } from "./in-flight";
import { cacheKeys } from "./keys";
import { loadAndStore, runLoader, type LoadContext, type Loaded } from "./load-and-store";
import { loadOnce } from "./load-once";
import { PendingInvalidations } from "./pending-invalidations";
import { RedisStore, type InvalidationMessage } from "./redis-store";
import { SingleFlight } from "./single-flight";
import { settleWithin, withHardTimeout } from "./timeouts";
import type { Cache, CacheMetrics, CacheOptions, CacheStatus, Cached, GetOrSetOptions } from "./types";
import { validateOptions } from "./validate-options";

const noMetrics: CacheMetrics = { request() {}, l1Hit() {}, load() {}, invalidationReceived() {}, l1Cleared() {} };

/**
 * getOrSet, in order: the L1 (while it is coherent), then Redis (after any kept invalidations are sent),
 * then the loader, run once per key across every process sharing Redis. Redis unusable: the loader
 * answers (BYPASS).
 */
export function createCache(options: CacheOptions): Cache {
  const metrics = options.metrics ?? noMetrics;
  const keyPrefix = options.keyPrefix ?? "";
  const lock = { ttlMs: options.lockTtlMs ?? 5_000, pollMs: options.pollIntervalMs ?? 25 };
  const commandTimeoutMs = options.commandTimeoutMs ?? 250;
  const breaker = new Breaker(options.breaker);
  const withRedis = guardedRedis(breaker, options.ready ?? (() => true));
  const store = new RedisStore(options.redis, keyPrefix, (reply) => withDeadline(reply, commandTimeoutMs));
  const l1 = new CoherentL1({
    subscriber: options.subscriber,
    entries: options.l1Entries ?? 1_000,
    channel: cacheKeys(keyPrefix).invalidationChannel,
    redisHealthy: () => breaker.state === "closed",
    metrics,
    outageServeMs: options.outageServeMs ?? 5_000,
  });
  const pending = new PendingInvalidations(async (message) => !!(await withRedis(() => store.invalidate(message))));
  const ctx: LoadContext = { store, withRedis, l1, metrics };
  /** Redis reads in flight, one per key (a SingleFlight without its extra promise: this is the hit path). */
  const reads = new Map<string, InFlight<unknown>>();
  const loads = new SingleFlight<Loaded<unknown>>();

  /** One Redis read per key at a time in this process; null when Redis is unusable. */
  function readEntry<T>(opts: GetOrSetOptions<T>): Promise<Read<T>> {
    const running = reads.get(opts.key);
    if (running) return running.read as Promise<Read<T>>;
    const generationAtRead = l1.generation;
    const expectedTags = Array.isArray(opts.tags) ? opts.tags : undefined;
    // Callers waiting on the read when it is sent: a miss would keep them all waiting for its load, so the
    // key's lock goes with the read (lib/redis/scripts/read-or-lock.ts) and the load starts on its answer.
    let token: string | null = null;
    const lockToken = () => (token = flight.joiners ? randomUUID() : null);
    // withRedis never rejects: the key is always freed.
    const read = withRedis(() => store.readForHit<T>(opts.key, expectedTags, lockToken, lock.ttlMs)).then(
      (outcome): Read<T> => {
        reads.delete(opts.key);
        forget(flight);
        // The read failed (its deadline, say) after the script may have taken the lock: give it back.
        if (!outcome) {
          if (token) releaseLock(opts.key, token);
          return null;
        }
        const { envelope, clock, lockToken: held } = outcome.result;
        // A miss starts its load here, once, before the callers waiting on this read wake up one by one.
        const load = envelope ? undefined : startOrJoinLoad(opts, true, held, clock.latest).load;
        if (envelope && held) releaseLock(opts.key, held);
        return { envelope, clock, generationAtRead, load };
      },
    );
    const flight: InFlight<T> = { read, joiners: null };
    reads.set(opts.key, flight);
    return read;
  }

  /** The answer of the callers who joined a read (see in-flight.ts); the first caller refreshes a stale value. */
  function answerJoined<T>(entry: Read<T>, opts: GetOrSetOptions<T>): Promise<Cached<T>> | Cached<T> {
    if (!entry) return withoutRedis(opts);
    if (entry.load) return entry.load;
    const { envelope } = entry;
    if (envelope && envelope.exp > entry.clock.latest) return { value: envelope.value, status: "HIT" };
    if (envelope) {
      startOrJoinLoad(opts, true);
      return { value: envelope.value, status: "STALE" };
    }
    return startOrJoinLoad(opts, true).load;
  }

  /** Loads without Redis, and keeps the value in memory for the rest of the outage window (coherent-l1.ts). */
  async function loadWithoutRedis<T>(opts: GetOrSetOptions<T>): Promise<Loaded<T>> {
    const generationAtRead = l1.generation;
    const startedAt = performance.now();
    const value = await runLoader(opts, metrics);
    const tags = typeof opts.tags === "function" ? opts.tags(value) : (opts.tags ?? []);
    l1.keepLoaded(opts.key, value, tags, startedAt, generationAtRead);
    return { value, status: "BYPASS" };
  }

  /**
   * Starts this process's one load of the key, or joins the load already running. `held`: the key's lock,
   * taken with the read at Redis' `now`: the load runs at once, and releases it once stored.
   */
  function startOrJoinLoad<T>(opts: GetOrSetOptions<T>, redisUsable: boolean, held?: string, now = 0) {
    const flight = loads.run(opts.key, () => {
      if (held) return loadAndStore(ctx, opts, now, () => releaseLock(opts.key, held));
      return redisUsable ? loadOnce(ctx, lock, opts) : loadWithoutRedis(opts);
    });
    if (held && flight.joined) releaseLock(opts.key, held);
    // A refresh nobody waits for must not be an unhandled rejection.
    if (!flight.joined) flight.promise.catch(() => undefined);
    return { load: flight.promise, joined: flight.joined };
  }

  function releaseLock(key: string, token: string): void {
    void withRedis(() => store.releaseLock(key, token));
  }

  /**
   * Redis unusable: a value current at most `outageServeMs` ago from this process's memory, else one load
   * per key (BYPASS either way: Redis was not used).
   */
  function withoutRedis<T>(opts: GetOrSetOptions<T>): Promise<Cached<T>> | Cached<T> {
    const recent = l1.recall(opts.key);
    if (recent) return { value: recent.value as T, status: "BYPASS" };
    return withHardTimeout(startOrJoinLoad(opts, false).load, opts.key, opts.hardTimeout);
  }

  /** The result, counted by its status. */
  function counted<T>(result: Cached<T>): Cached<T> {
    metrics.request(result.status.toLowerCase() as Lowercase<CacheStatus>);
    return result;
  }

  /**
   * Redis, and the loader when Redis has no fresh entry; counted. getOrSet returns this promise as it is:
   * one async step per caller, not two (a stampede has a thousand callers, each a turn of the microtask
   * queue per step). `return await` likewise: returning a promise from an async function costs more turns.
   */
  async function readThrough<T>(opts: GetOrSetOptions<T>): Promise<Cached<T>> {
    try {
      const entry = pending.empty || (await pending.flush()) ? await readEntry<T>(opts) : null;
      if (!entry) return counted(await withoutRedis(opts));
      const { envelope, clock, generationAtRead } = entry;
      if (entry.load) return counted(await withHardTimeout(entry.load, opts.key, opts.hardTimeout));
      // Fresh even at the latest Redis' clock can be now (lib/cache/redis-clock.ts).
      if (envelope && envelope.exp > clock.latest) {
        l1.keep(opts.key, envelope, clock.latest, generationAtRead);
        return counted({ value: envelope.value, status: "HIT" });
      }
      const { load, joined } = startOrJoinLoad(opts, true);
      // Past its TTL but within grace (Redis still has it): one caller refreshes, nobody waits long for it.
      if (envelope) {
        if (joined) return counted({ value: envelope.value, status: "STALE" });
        const outcome = await settleWithin(load, opts.timeout ?? 0);
        return counted(outcome.state === "done" ? outcome.value : { value: envelope.value, status: "STALE" });
      }
      return counted(await withHardTimeout(load, opts.key, opts.hardTimeout));
    } catch (error) {
      metrics.request("error");
      throw error;
    }
  }

  /** Redis known unusable and no recent value in memory: the loader, once per key; counted. */
  function loadKnownDown<T>(opts: GetOrSetOptions<T>): Promise<Cached<T>> {
    return withHardTimeout(startOrJoinLoad(opts, false).load, opts.key, opts.hardTimeout).then(counted, (error) => {
      metrics.request("error");
      throw error;
    });
  }

  async function invalidate(message: InvalidationMessage): Promise<boolean> {
    l1.drop(message);
    pending.add(message);
    const delivered = await pending.flush();
    if (!delivered) console.warn(`[cache] Redis unusable: invalidation of ${JSON.stringify(message)} kept for later`);
    return delivered;
  }

  return {
    getOrSet<T>(opts: GetOrSetOptions<T>): Promise<Cached<T>> {
      try {
        validateOptions(opts);
        if (options.mode === "off") {
          metrics.request("bypass");
          return runLoader(opts, metrics).then((value) => ({ value, status: "BYPASS" }));
        }
        l1.start();
        const hit = l1.hit(opts.key);
        if (hit) {
          metrics.l1Hit();
          metrics.request("hit");
          return Promise.resolve({ value: hit.value as T, status: "HIT" });
        }
        // Asked on every miss of the L1, so that the first call of an outage runs code already warm: Redis
        // known down answers from memory (a value current at most `outageServeMs` ago) or the loader, at
        // once. Answered here, not in a function of its own: an outage's first call compiles little.
        if (withRedis.knownDown()) {
          const recent = l1.recall(opts.key);
          if (!recent) return loadKnownDown(opts);
          metrics.request("bypass");
          return Promise.resolve({ value: recent.value as T, status: "BYPASS" });
        }
        // A caller with a hard timeout of its own waits alone (the load goes on either way).
        const running = reads.get(opts.key) as InFlight<T> | undefined;
        if (!running || opts.hardTimeout !== undefined) return readThrough(opts);
        return joinRead(running, (entry) => answerJoined(entry, opts), metrics);
      } catch (error) {
        return Promise.reject(error);
      }
    },
    peek<T>(key: string): T | undefined {
      if (options.mode === "off") return undefined;
      const hit = l1.hit(key);
      if (!hit) return undefined;
      metrics.l1Hit();
      metrics.request("hit");
      return hit.value as T;
    },
    inMemory: (key) => options.mode !== "off" && l1.hit(key) !== undefined,
    invalidateKeys: (...keys) => invalidate({ keys, tags: [] }),
    invalidateTags: (...tags) => invalidate({ keys: [], tags }),
    breakerState: () => breaker.state,
    l1Active: () => l1.active(),
    close: () => l1.stop(),
  };
}
