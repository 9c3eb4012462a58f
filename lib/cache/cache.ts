import { randomUUID } from "node:crypto";
import { withDeadline } from "../redis/deadline";
import { redisKeys } from "../redis/keys";
import { Breaker } from "./breaker";
import { Coherence } from "./coherence";
import { encodeEnvelope, type Envelope } from "./envelope";
import { L1 } from "./l1";
import { RedisStore, type InvalidationMessage, type StoredEntry } from "./redis-store";
import { settleWithin, withHardTimeout } from "./timeouts";
import type { Cache, CacheMetrics, CacheOptions, CacheStatus, Cached, GetOrSetOptions } from "./types";

const MAX_TTL_SECONDS = 24 * 60 * 60;
const noMetrics: CacheMetrics = { request() {}, l1Hit() {}, load() {}, invalidationReceived() {}, l1Cleared() {} };

/** A Redis read, with the invalidation generation it began in; null when Redis was unusable. */
type Read<T> = (StoredEntry<T> & { seen: number }) | null;

/** A load's outcome: stored by us (MISS), stored by another process we waited for (HIT), or not stored (BYPASS). */
type Loaded<T> = Cached<T> & { status: "MISS" | "HIT" | "BYPASS" };

let lastWarning = 0;

/** One line per few seconds is enough to see trouble with Redis in the logs. */
function warnThrottled(message: string): void {
  if (Date.now() - lastWarning < 5_000) return;
  lastWarning = Date.now();
  console.warn(`[cache] ${message}`);
}

function jitteredMs(ttlSeconds: number): number {
  return Math.max(1, Math.round(ttlSeconds * 1000 * (0.9 + Math.random() * 0.2)));
}

function validate<T>(opts: GetOrSetOptions<T>): void {
  for (const ttl of [opts.ttl, opts.missingTtl ?? opts.ttl]) {
    if (!(ttl > 0 && ttl <= MAX_TTL_SECONDS)) throw new RangeError(`ttl must be in (0, ${MAX_TTL_SECONDS}]`);
  }
  if (opts.grace !== undefined && !(opts.grace >= 0 && opts.grace <= MAX_TTL_SECONDS)) {
    throw new RangeError(`grace must be in [0, ${MAX_TTL_SECONDS}]`);
  }
}

export function createCache(options: CacheOptions): Cache {
  const breaker = new Breaker(options.breaker);
  const metrics = options.metrics ?? noMetrics;
  const ready = options.ready ?? (() => true);
  const lockTtlMs = options.lockTtlMs ?? 5_000;
  const pollMs = options.pollIntervalMs ?? 25;
  const commandTimeoutMs = options.commandTimeoutMs ?? 250;
  const store = new RedisStore(options.redis, (reply) => withDeadline(reply, commandTimeoutMs));
  const l1 = new L1(options.subscriber ? (options.l1Entries ?? 1_000) : 0);
  const coherence = options.subscriber
    ? new Coherence({
        connect: options.subscriber,
        channel: redisKeys.cacheInvalidations(),
        onMessage: ({ keys, tags }) => {
          generation++;
          l1.deleteKeys(keys);
          l1.deleteTags(tags);
          metrics.invalidationReceived();
        },
        onDown: () => clearL1(),
      })
    : null;
  const reads = new Map<string, Promise<Read<unknown>>>();
  const loads = new Map<string, Promise<Loaded<unknown>>>();
  const pending: InvalidationMessage = { keys: [], tags: [] };
  /**
   * Counts the invalidations this process has seen. A value read or loaded before an invalidation
   * arrived may be the old one: it is not put in L1 (Redis will judge it by its stamp next time).
   */
  let generation = 0;

  const l1Active = () => coherence !== null && coherence.healthy && breaker.state === "closed";
  const clearL1 = () => {
    if (l1.size === 0) return;
    l1.clear();
    metrics.l1Cleared();
  };

  /**
   * Runs Redis commands under the breaker (each round trip under the deadline, in the store); null when
   * Redis may not, or could not, be used.
   */
  async function guarded<R>(call: () => Promise<R>): Promise<{ result: R } | null> {
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
  }

  /** Sends the invalidations not yet delivered; true when none is left. */
  async function flushPending(): Promise<boolean> {
    if (pending.keys.length === 0 && pending.tags.length === 0) return true;
    const message = { keys: [...pending.keys], tags: [...pending.tags] };
    if (!(await guarded(() => store.invalidate(message)))) return false;
    pending.keys = pending.keys.filter((key) => !message.keys.includes(key));
    pending.tags = pending.tags.filter((tag) => !message.tags.includes(tag));
    return true;
  }

  /** One Redis read per key at a time in this process; null when Redis is unusable. */
  function read<T>(key: string): Promise<Read<T>> {
    let started = reads.get(key);
    if (!started) {
      const seen = generation;
      started = guarded(() => store.read(key))
        .then((outcome) => (outcome ? { ...outcome.result, seen } : null))
        .finally(() => reads.delete(key));
      reads.set(key, started);
    }
    return started as Promise<Read<T>>;
  }

  /**
   * Keeps a fresh value in L1 for as long as it stays fresh (Redis clock, µs), unless an invalidation
   * arrived since `seen` (the generation when the value was read or its load began).
   */
  function remember<T>(key: string, envelope: Omit<Envelope<T>, "v">, now: number, seen: number): void {
    if (l1Active() && seen === generation) l1.set(key, envelope.value, (envelope.exp - now) / 1000, envelope.tags);
  }

  async function runLoader<T>(opts: GetOrSetOptions<T>): Promise<T> {
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

  async function loadAndStore<T>(opts: GetOrSetOptions<T>, startedAt: number): Promise<Loaded<T>> {
    const seen = generation;
    const value = await runLoader(opts);
    const missing = value === null || value === undefined;
    const freshMs = jitteredMs(missing ? (opts.missingTtl ?? opts.ttl) : opts.ttl);
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
    if (!(await guarded(() => store.write(opts.key, encoded, freshMs + graceMs)))) return { value, status: "BYPASS" };
    remember(opts.key, envelope, startedAt, seen);
    return { value, status: "MISS" };
  }

  /**
   * The one load of a key among all processes sharing Redis: whoever takes the key's lock loads and
   * stores; the others poll the key for the result. A holder that dies leaves a lock that expires, and
   * the next waiter to take it loads instead. Redis failing midway: load without it.
   */
  async function loadOnce<T>(opts: GetOrSetOptions<T>): Promise<Loaded<T>> {
    const token = randomUUID();
    const deadline = Date.now() + lockTtlMs + pollMs;
    for (let attempt = 0; Date.now() <= deadline; attempt++) {
      if (attempt > 0) await new Promise((resolve) => setTimeout(resolve, pollMs));
      const locked = await guarded(() => store.tryLock(opts.key, token, lockTtlMs));
      if (!locked) return { value: await runLoader(opts), status: "BYPASS" };
      // Taken or not, look first: the entry may have been stored since this caller missed it.
      const seen = generation;
      const current = await guarded(() => store.read<T>(opts.key));
      if (!current) return { value: await runLoader(opts), status: "BYPASS" };
      const { envelope, now } = current.result;
      if (envelope && envelope.exp > now) {
        if (locked.result) await guarded(() => store.releaseLock(opts.key, token));
        remember(opts.key, envelope, now, seen);
        return { value: envelope.value, status: "HIT" };
      }
      if (locked.result) {
        try {
          return await loadAndStore(opts, now);
        } finally {
          await guarded(() => store.releaseLock(opts.key, token));
        }
      }
    }
    // The holder kept the lock past its lifetime without storing anything: load, and store, ourselves.
    const now = (await guarded(() => store.read(opts.key)))?.result.now ?? Date.now() * 1000;
    return loadAndStore(opts, now);
  }

  /** Starts this process's one load of the key, or joins the load already running. */
  function sharedLoad<T>(
    opts: GetOrSetOptions<T>,
    redisUsable: boolean,
  ): { load: Promise<Loaded<T>>; joined: boolean } {
    const running = loads.get(opts.key);
    if (running) return { load: running as Promise<Loaded<T>>, joined: true };
    const load = (
      redisUsable ? loadOnce(opts) : runLoader(opts).then((value): Loaded<T> => ({ value, status: "BYPASS" }))
    ).finally(() => loads.delete(opts.key));
    load.catch(() => undefined); // a refresh nobody waits for must not be an unhandled rejection
    loads.set(opts.key, load);
    return { load, joined: false };
  }

  async function lookup<T>(opts: GetOrSetOptions<T>): Promise<Cached<T>> {
    const entry = (await flushPending()) ? await read<T>(opts.key) : null;
    if (!entry) return withHardTimeout(sharedLoad(opts, false).load, opts.key, opts.hardTimeout);
    const { envelope, now, seen } = entry;
    if (envelope && envelope.exp > now) {
      remember(opts.key, envelope, now, seen);
      return { value: envelope.value, status: "HIT" };
    }
    const { load, joined } = sharedLoad(opts, true);
    // Past its TTL but within grace (Redis still has it): one caller refreshes, nobody waits long for it.
    if (envelope) {
      if (joined) return { value: envelope.value, status: "STALE" };
      const outcome = await settleWithin(load, opts.timeout ?? 0);
      return outcome.state === "done" ? outcome.value : { value: envelope.value, status: "STALE" };
    }
    return withHardTimeout(load, opts.key, opts.hardTimeout);
  }

  async function invalidate(message: InvalidationMessage): Promise<boolean> {
    generation++;
    l1.deleteKeys(message.keys);
    l1.deleteTags(message.tags);
    pending.keys.push(...message.keys);
    pending.tags.push(...message.tags);
    const delivered = await flushPending();
    if (!delivered) console.warn(`[cache] Redis unusable: invalidation of ${JSON.stringify(message)} kept for later`);
    return delivered;
  }

  return {
    async getOrSet<T>(opts: GetOrSetOptions<T>): Promise<Cached<T>> {
      validate(opts);
      if (options.mode === "off") {
        metrics.request("bypass");
        return { value: await runLoader(opts), status: "BYPASS" };
      }
      coherence?.start();
      if (l1Active()) {
        const hit = l1.get(opts.key);
        if (hit) {
          metrics.l1Hit();
          metrics.request("hit");
          return { value: hit.value as T, status: "HIT" };
        }
      } else {
        clearL1();
      }
      try {
        const result = await lookup(opts);
        metrics.request(result.status.toLowerCase() as Lowercase<CacheStatus>);
        return result;
      } catch (error) {
        metrics.request("error");
        throw error;
      }
    },
    invalidateKeys: (...keys) => invalidate({ keys, tags: [] }),
    invalidateTags: (...tags) => invalidate({ keys: [], tags }),
    breakerState: () => breaker.state,
    l1Active,
    close: async () => coherence?.stop(),
  };
}
