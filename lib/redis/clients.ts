import Redis from "ioredis";
import { env } from "../env";
import { globalSingleton } from "../global-singleton";

/**
 * The ioredis clients, one per role per process. They fail fast instead of queueing: no offline queue,
 * one retry, a command timeout (a backstop behind the callers' own deadlines). With the offline queue off a command sent before the connection is
 * ready fails, so callers first `awaitReady` (bounded) instead of failing the first requests after start.
 */

export type RedisRole = "state" | "cache";

interface Connection {
  client: Redis;
  /** Whether the client has been ready once: after that, a connection not ready is known to be down. */
  wasReady: boolean;
  /** Settles when the client is first ready, or when the bounded first wait gives up. */
  firstWait?: Promise<boolean>;
}

function connect(url: string, role: RedisRole): Connection {
  const client = new Redis(url, {
    connectionName: `brisk-${role}`,
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    // Only so that nothing waits forever: callers bound their commands with withDeadline
    // (lib/redis/deadline.ts). This timer mistakes a busy event loop for a slow Redis: under a burst it
    // fires on healthy replies not yet read, so it must be far above the deadline.
    commandTimeout: 10_000,
    connectTimeout: 1_000,
    // No auto-pipelining: it keeps one pipeline in flight per connection and queues every later command
    // behind it (one event-loop turn each), so under load commands wait past their deadline on a
    // healthy Redis. Commands still share the connection: several are in flight at once.
    enableAutoPipelining: false,
    // Keep reconnecting, at most every 2 s: a Redis that comes back is used again without a restart.
    retryStrategy: (attempt) => Math.min(50 * 2 ** attempt, 2_000),
  });
  let lastLogged = 0;
  client.on("error", (error: Error) => {
    // ioredis reports every failed reconnect; one line per 10 s is enough to see an outage.
    if (Date.now() - lastLogged < 10_000) return;
    lastLogged = Date.now();
    console.warn(`[redis:${role}] ${error.message}`);
  });
  const connection: Connection = { client, wasReady: false };
  client.once("ready", () => (connection.wasReady = true));
  return connection;
}

const connections = globalSingleton("redis.connections", () => new Map<string, Connection>());

function connection(role: RedisRole): Connection {
  // The cache shares the state client when both roles point at one server.
  const url = role === "cache" ? env.CACHE_REDIS_URL : env.REDIS_URL;
  let found = connections.get(url);
  if (!found) {
    found = connect(url, role);
    connections.set(url, found);
  }
  return found;
}

export function redisClient(role: RedisRole): Redis {
  return connection(role).client;
}

/**
 * Whether the client is ready; the first call waits for the first connection, up to
 * REDIS_READY_TIMEOUT_MS, and every call after that answers at once. A client that was ready once and is
 * not now lost its connection: that is known, so nothing waits for it (the caller fails over at once).
 */
export function awaitReady(role: RedisRole): Promise<boolean> | boolean {
  const found = connection(role);
  if (found.client.status === "ready") return true;
  if (found.wasReady) return false;
  found.firstWait ??= new Promise<boolean>((resolve) => {
    const timer = setTimeout(() => resolve(false), env.REDIS_READY_TIMEOUT_MS);
    found.client.once("ready", () => {
      clearTimeout(timer);
      resolve(true);
    });
  });
  return found.firstWait.then(() => found.client.status === "ready");
}

/** Closes every client (scripts and tests; the server keeps its clients for its lifetime). */
export async function closeRedisClients(): Promise<void> {
  const all = [...connections.values()];
  connections.clear();
  await Promise.all(all.map(({ client }) => client.quit().catch(() => client.disconnect())));
}
