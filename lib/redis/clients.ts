import Redis, { Cluster, type RedisOptions } from "ioredis";
import { env } from "../env";
import { globalSingleton } from "../global-singleton";

/**
 * The ioredis clients, one per role per process: a single Redis (REDIS_URL, CACHE_REDIS_URL) or a Redis
 * Cluster (REDIS_CLUSTER_NODES, CACHE_REDIS_CLUSTER_NODES), through ioredis' own `Cluster`. They fail fast
 * instead of queueing: no offline queue, one retry, a command timeout (a backstop behind the callers' own
 * deadlines). With the offline queue off a command sent before the connection is ready fails, so callers
 * first `awaitReady` (bounded) instead of failing the first requests after start.
 */

/**
 * `durable`: the writes that wait for replicas (carts, sessions: lib/redis/scripts/durable.ts), on the state
 * Redis but over connections of their own whenever they wait (REDIS_WAIT_REPLICAS above 0): a WAIT holds
 * its connection until the replicas answer, and every command behind it on that connection with it.
 * Without a WAIT to send, the state client.
 */
export type RedisRole = "state" | "cache" | "durable";

/** A role's client: one Redis, or a Redis Cluster (every key of one command in one slot: lib/redis/keys.ts). */
export type RedisClient = Redis | Cluster;

interface Connection {
  client: RedisClient;
  /** Whether the client has been ready once: after that, a connection not ready is known to be down. */
  wasReady: boolean;
  /** Settles when the client is first ready, or when the bounded first wait gives up. */
  firstWait?: Promise<boolean>;
}

/** Keep reconnecting, at most every 2 s: a Redis that comes back is used again without a restart. */
const reconnectDelay = (attempt: number) => Math.min(50 * 2 ** attempt, 2_000);

function nodeOptions(role: RedisRole): RedisOptions {
  return {
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
    retryStrategy: reconnectDelay,
    // A command whose connection closed before its reply came may have run: sent again once reconnected, it
    // would land after its caller's deadline had answered (a write refused to the shopper, stored anyway).
    // Not sent again, it is rejected by commandTimeout (sooner when the first reconnect fails); its caller
    // has had its answer from its own deadline. (A Cluster's node connections do not reconnect: see below.)
    autoResendUnfulfilledCommands: false,
  };
}

/**
 * A Cluster client sends a command again after a delay when it failed for now: its node's connection not
 * ready (still connecting, or closed: a command in flight then may have run), the cluster down or keys
 * moving during a failover (CLUSTERDOWN, TRYAGAIN); it follows redirections (MOVED, ASK) at once. Each
 * counts against `maxRedirections`: here as many retries as 50 ms delays fit in the callers' deadline
 * (REDIS_COMMAND_TIMEOUT_MS: 4 for the default 250 ms), against ioredis' 16 at 100 ms, so that a command
 * stops being sent about when its caller has had its answer ("briefly unavailable", or the cache's
 * fail-open). A retry after a failover also waits for the slot map to be read again, so it can still land
 * a little after the deadline. Sent for seconds, a write refused to its caller would still run, and after
 * a failover a durable write's WAIT, which a new master without a replica cannot meet, would hold its
 * connection. A write whose connection closed after it ran can run again within that bound: one that would
 * then count twice carries an id that makes it run once (the cart add: lib/redis/scripts/cart.ts).
 */
const CLUSTER_RETRY_DELAY_MS = 50;

function connectCluster(nodes: string, role: RedisRole, credentials: URL): Cluster {
  return new Cluster(clusterNodes(nodes), {
    enableOfflineQueue: false,
    clusterRetryStrategy: reconnectDelay,
    retryDelayOnFailover: CLUSTER_RETRY_DELAY_MS,
    retryDelayOnClusterDown: CLUSTER_RETRY_DELAY_MS,
    retryDelayOnTryAgain: CLUSTER_RETRY_DELAY_MS,
    maxRedirections: Math.max(2, Math.floor(env.REDIS_COMMAND_TIMEOUT_MS / CLUSTER_RETRY_DELAY_MS) - 1),
    slotsRefreshTimeout: 1_000,
    redisOptions: {
      ...nodeOptions(role),
      username: decodeURIComponent(credentials.username) || undefined,
      password: decodeURIComponent(credentials.password) || undefined,
    },
  });
}

/** A nodes variable (`host:port,host:port`, checked by lib/env.ts) as ioredis' startup nodes. */
export function clusterNodes(nodes: string): { host: string; port: number }[] {
  return nodes.split(",").map((node) => {
    const [host, port] = node.split(":");
    return { host, port: Number(port) };
  });
}

function connect(role: RedisRole): Connection {
  const url = role === "cache" ? env.CACHE_REDIS_URL : env.REDIS_URL;
  const nodes = role === "cache" ? env.CACHE_REDIS_CLUSTER_NODES : env.REDIS_CLUSTER_NODES;
  const client = nodes ? connectCluster(nodes, role, new URL(url)) : new Redis(url, nodeOptions(role));
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

/** Where a role connects: its cluster's nodes, or its URL (the cache shares the state client when both match). */
function target(role: RedisRole): string {
  if (role === "durable") return env.REDIS_WAIT_REPLICAS > 0 ? `durable:${target("state")}` : target("state");
  const nodes = role === "cache" ? env.CACHE_REDIS_CLUSTER_NODES : env.REDIS_CLUSTER_NODES;
  return nodes ? `cluster:${nodes}` : role === "cache" ? env.CACHE_REDIS_URL : env.REDIS_URL;
}

const connections = globalSingleton("redis.connections", () => new Map<string, Connection>());

function connection(role: RedisRole): Connection {
  const key = target(role);
  let found = connections.get(key);
  if (!found) {
    // A role that shares another's client connects as that role (its name on the connection, in the logs).
    found = connect(key === target("state") ? "state" : role);
    connections.set(key, found);
  }
  return found;
}

export function redisClient(role: RedisRole): RedisClient {
  return connection(role).client;
}

/**
 * A connection of its own made like the role's client, for a subscriber (a subscribed connection can do
 * nothing else). `offlineQueue`: commands sent while it (re)connects wait instead of failing.
 */
export function subscriberClient(role: RedisRole, name: string, offlineQueue = false): RedisClient {
  const client = redisClient(role);
  if (client instanceof Cluster) {
    return client.duplicate(undefined, {
      enableOfflineQueue: offlineQueue,
      redisOptions: { ...client.options.redisOptions, connectionName: name },
    });
  }
  return client.duplicate({ connectionName: name, enableOfflineQueue: offlineQueue });
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
