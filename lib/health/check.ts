import { cache } from "../cache";
import { db } from "../db";
import { awaitReady, redisClient, type RedisRole } from "../redis/clients";

/**
 * What /api/health reports. The store can serve its catalog while PostgreSQL answers: Redis down is
 * `degraded` (the cache fails open; carts and sign-in are unavailable), PostgreSQL down is `down`. `state`
 * is down when the state client, or the client cart and session writes wait for replicas on, does not answer
 * a PING (on a Cluster, the node the client asks).
 */

export type Probe = "up" | "down";

export interface Health {
  status: "ok" | "degraded" | "down";
  postgres: Probe;
  redis: { state: Probe; cache: Probe };
  cacheBreaker: ReturnType<typeof cache.breakerState>;
}

const PROBE_TIMEOUT_MS = 1_000;

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return Promise.race([
    promise,
    new Promise<T>((_, reject) => setTimeout(() => reject(new Error(`no answer in ${ms} ms`)), ms).unref()),
  ]);
}

async function probe(check: () => Promise<unknown>): Promise<Probe> {
  try {
    await withTimeout(check(), PROBE_TIMEOUT_MS);
    return "up";
  } catch {
    return "down";
  }
}

const pingRedis = (role: RedisRole) => async () => {
  await awaitReady(role);
  return redisClient(role).ping();
};

/**
 * The state Redis as carts and sessions use it: its client, and the connections of their own that writes
 * waiting for replicas go over (lib/redis/clients.ts), when there are such.
 */
const pingState = () =>
  Promise.all([pingRedis("state")(), redisClient("durable") === redisClient("state") ? null : pingRedis("durable")()]);

export async function checkHealth(): Promise<Health> {
  const [postgres, state, cacheRedis] = await Promise.all([
    probe(() => db.$queryRaw`SELECT 1`),
    probe(pingState),
    probe(pingRedis("cache")),
  ]);
  const status = postgres === "down" ? "down" : state === "down" || cacheRedis === "down" ? "degraded" : "ok";
  return { status, postgres, redis: { state, cache: cacheRedis }, cacheBreaker: cache.breakerState() };
}
