import { createRequire } from "node:module";
import type { Product } from "./value";

/**
 * The four libraries behind one interface, each in its best honest configuration for a tier:
 * - `memory`: the library's in-process tier in front of Redis (cachified has no tiers: a Map is its cache);
 * - `redis`: Redis only (no in-process tier), so that every read is a Redis hit;
 * - `production`: how a storefront would run it (in-process tier where the library has one, Redis behind
 *   it, hardened for a Redis outage: no offline queue, circuit breakers where offered).
 * Every library gets the same TTL (1 h), a day of grace / stale-while-revalidate where it has one, and the
 * tag `product:<id>` where it supports tags.
 */

export type Tier = "memory" | "redis" | "production";
export type LibraryName = "brisk" | "bentocache" | "cache-manager" | "cachified";
export const LIBRARIES: LibraryName[] = ["brisk", "bentocache", "cache-manager", "cachified"];

export interface Subject {
  /** The library's get-or-set of `key`, loading with `load` on a miss. */
  get(key: string, load: () => Promise<Product>): Promise<unknown>;
  /** Resolves once the library can serve from its in-process tier (Brisk: its invalidation channel is up). */
  ready(): Promise<void>;
  /** The library's configuration, as the report states it. */
  describe: string;
  close(): Promise<void>;
}

const TTL_MS = 3_600_000;
const GRACE_MS = 86_400_000;
const L1_ENTRIES = 1_000;
const tagsOf = (product: Product) => [`product:${product.id}`];
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function brisk(tier: Tier, url: string): Promise<Subject> {
  // The app's own wiring (lib/cache/index.ts, lib/redis/clients.ts), on the benchmark's Redis.
  process.env.REDIS_URL = url;
  process.env.CACHE_REDIS_URL = url;
  // Compiled as production compiles it when run.ts says where (BRISK_BUNDLE); else through tsx.
  const bundle = process.env.BRISK_BUNDLE;
  const brisk: typeof import("./brisk-entry") = bundle
    ? createRequire(import.meta.url)(bundle)
    : await import("./brisk-entry");
  const { redisClient, subscriberClient, awaitReady, closeRedisClients, createCache, env } = brisk;
  const withL1 = tier !== "redis";
  const cache = createCache({
    redis: () => redisClient("cache"),
    keyPrefix: env.REDIS_KEY_PREFIX,
    ready: () => awaitReady("cache"),
    subscriber: withL1 ? () => subscriberClient("cache", "brisk-cache-invalidations") : undefined,
    commandTimeoutMs: env.REDIS_COMMAND_TIMEOUT_MS,
    l1Entries: L1_ENTRIES,
    outageServeMs: env.CACHE_OUTAGE_SERVE_MS,
  });
  return {
    describe: withL1
      ? `lib/cache as the app wires it: L1 of ${L1_ENTRIES} entries kept coherent over pub/sub, Redis (ioredis) behind it`
      : "lib/cache as the app wires it, without a subscriber (so no L1): Redis (ioredis) only",
    get: (key, load) => cache.getOrSet({ key, ttl: TTL_MS / 1000, grace: GRACE_MS / 1000, tags: tagsOf, load }),
    ready: async () => {
      if (!withL1) return;
      const deadline = Date.now() + 5_000;
      while (!cache.l1Active() && Date.now() < deadline) await sleep(10);
    },
    close: async () => {
      await cache.close();
      await closeRedisClients();
    },
  };
}

async function bentocache(tier: Tier, url: string): Promise<Subject> {
  const { BentoCache, bentostore } = await import("bentocache");
  const { memoryDriver } = await import("bentocache/drivers/memory");
  const { redisDriver, redisBusDriver } = await import("bentocache/drivers/redis");
  const { default: Redis } = await import("ioredis");
  const { hostname, port } = new URL(url);
  // Its fastest L1 keeps objects as they are (serialize: false); its L2 client fails fast while Redis is down.
  const connection = new Redis(url, { enableOfflineQueue: false, maxRetriesPerRequest: 1 });
  connection.on("error", () => undefined);
  await new Promise((resolve) => connection.once("ready", resolve)); // a command before that fails
  const store = bentostore();
  if (tier !== "redis") store.useL1Layer(memoryDriver({ maxItems: L1_ENTRIES, serialize: false }));
  store.useL2Layer(redisDriver({ connection }));
  if (tier !== "redis") store.useBus(redisBusDriver({ connection: { host: hostname, port: Number(port) } }));
  const bento = new BentoCache({
    default: "cache",
    stores: { cache: store },
    ttl: TTL_MS,
    grace: GRACE_MS,
    // Hardened for an outage: the L2 is skipped for a while after it fails, its errors never reach the caller.
    l2CircuitBreakerDuration: 5_000,
    suppressL2Errors: true,
  });
  return {
    describe:
      tier === "redis"
        ? "bentostore with the Redis L2 only (ioredis, no offline queue), grace 1 day, L2 circuit breaker 5 s"
        : `bentostore: memory L1 (${L1_ENTRIES} items, serialize: false) + Redis L2 (ioredis, no offline queue) + Redis bus, grace 1 day, L2 circuit breaker 5 s`,
    get: (key, load) => bento.getOrSet({ key, factory: load, tags: [`product:${key.split(":")[1]}`] }),
    ready: async () => {
      await sleep(200); // the bus subscribes in the background
    },
    close: async () => {
      await bento.disconnectAll();
      connection.disconnect();
    },
  };
}

async function cacheManager(tier: Tier, url: string): Promise<Subject> {
  const { createCache } = await import("cache-manager");
  const { Keyv } = await import("keyv");
  const { default: KeyvRedis, createClient } = await import("@keyv/redis");
  // node-redis batches a tick's commands by itself; no offline queue, so a dead Redis fails at once.
  const client = createClient({ url, disableOfflineQueue: true, socket: { reconnectStrategy: () => 50 } });
  client.on("error", () => undefined);
  await client.connect();
  const redisStore = new Keyv({ store: new KeyvRedis(client, { throwOnErrors: false, throwOnConnectError: false }) });
  redisStore.on("error", () => undefined);
  // Its memory tier: a Keyv over a Map, values kept as objects (no serialization).
  const memory = new Keyv({ store: new Map(), serialize: undefined, deserialize: undefined });
  const cache = createCache({ stores: tier === "redis" ? [redisStore] : [memory, redisStore], ttl: TTL_MS });
  return {
    describe:
      tier === "redis"
        ? "createCache with one Keyv store: @keyv/redis over node-redis (auto-batching, offline queue off)"
        : "createCache with two Keyv stores: a Map (no serialization), then @keyv/redis over node-redis (offline queue off)",
    get: (key, load) => cache.wrap(key, load, TTL_MS),
    ready: async () => undefined,
    close: async () => {
      await cache.disconnect().catch(() => undefined);
      await client.quit().catch(() => undefined);
    },
  };
}

async function cachified(tier: Tier, url: string): Promise<Subject> {
  const { cachified: cachify } = await import("@epic-web/cachified");
  const { redisCacheAdapter } = await import("cachified-redis-adapter");
  const { createClient } = await import("@keyv/redis"); // node-redis, re-exported
  if (tier === "memory") {
    // cachified has no tiers: its fastest in-process cache is a Map.
    const map = new Map();
    return {
      describe: "cachified over a Map (it has no tiers; its in-process cache)",
      get: (key, load) =>
        cachify({ key, cache: map, getFreshValue: load, ttl: TTL_MS, staleWhileRevalidate: GRACE_MS }),
      ready: async () => undefined,
      close: async () => undefined,
    };
  }
  const client = createClient({ url, disableOfflineQueue: true, socket: { reconnectStrategy: () => 50 } });
  client.on("error", () => undefined);
  await client.connect();
  const cache = redisCacheAdapter(client as unknown as Parameters<typeof redisCacheAdapter>[0]);
  return {
    describe: "cachified with cachified-redis-adapter over node-redis (auto-batching, offline queue off)",
    get: (key, load) => cachify({ key, cache, getFreshValue: load, ttl: TTL_MS, staleWhileRevalidate: GRACE_MS }),
    ready: async () => undefined,
    close: async () => {
      await client.quit().catch(() => undefined);
    },
  };
}

export function makeSubject(library: LibraryName, tier: Tier, url: string): Promise<Subject> {
  return { brisk, bentocache, "cache-manager": cacheManager, cachified }[library](tier, url);
}
