import calculateSlot from "cluster-key-slot";
import type { Cluster, Redis } from "ioredis";
import { env } from "../../env";
import { runScript } from "./run";

/** A write that did not reach the replicas it must before it is acknowledged (it may or may not stay). */
export class NotReplicatedError extends Error {
  constructor(wanted: number, reached: number) {
    super(`the write reached ${reached} of ${wanted} replicas in time`);
    this.name = "NotReplicatedError";
  }
}

export interface Replication {
  /** Replicas a write must reach before it is acknowledged. */
  replicas: number;
  /** How long WAIT waits for them. */
  waitTimeoutMs: number;
}

/**
 * Masters found with fewer replicas attached than a write must reach, per client, by the master's address:
 * how many they had. Such a master's writes are not sent with a WAIT they cannot satisfy (it would hold the
 * connection, and every command queued behind it on the connection, for the whole timeout); ROLE goes with
 * them instead, and says when a replica has joined.
 */
const shortOfReplicas = new WeakMap<Redis | Cluster, Map<string, number>>();

/** The address of the master serving `key` as this client knows it ("" for a single Redis). */
function masterOf(redis: Redis | Cluster, key: string): string {
  return redis.isCluster ? ((redis as Cluster).slots[calculateSlot(key)]?.[0] ?? "") : "";
}

/**
 * The connection a write to `master` went out on: the Cluster's connection to that node (a pipeline to a
 * slot's master uses it), so that ROLE and WAIT after the write ask that master, whatever the slot map says
 * by then (a failover may have moved the slot); null when this client no longer has it.
 */
function connectionTo(redis: Redis | Cluster, master: string): Redis | null {
  if (!redis.isCluster) return redis as Redis;
  return (redis as Cluster).nodes("all").find((node) => `${node.options.host}:${node.options.port}` === master) ?? null;
}

type Reply = [error: Error | null, result: unknown];

/** The replicas attached to a master, from its ROLE answer. */
const attachedOf = (role: unknown): number | null => (role as [string, number, unknown[]])[2]?.length ?? null;

/**
 * A script whose write must survive the loss of its master (carts, sessions): sent with WAIT in one
 * pipeline, so on the connection of the key's master (the app sends these on connections of their own:
 * durableStateWrite in lib/redis/state.ts), and answered only once REDIS_WAIT_REPLICAS replicas have it;
 * else NotReplicatedError (the caller answers 503 "briefly unavailable"). Redis replicates asynchronously:
 * without WAIT a master that dies just after answering takes the write with it, and the replica that takes
 * over never had it. A master left with fewer replicas than that (its shard failed over, and no new replica
 * has joined yet) answers from the copies it has: the first such write finds out after the wait (ROLE), and
 * the next ones to that master are sent with ROLE instead of a WAIT that could not be met, until a replica
 * joins. By EVAL (the text each time): these writes are few, and one round trip is kept. With
 * REDIS_WAIT_REPLICAS=0 (a single Redis), `runScript`.
 */
export function runDurableScript(
  redis: Redis | Cluster,
  script: string,
  keys: readonly (string | number)[],
  ...args: (string | number)[]
): Promise<unknown> {
  const replication = { replicas: env.REDIS_WAIT_REPLICAS, waitTimeoutMs: env.REDIS_WAIT_TIMEOUT_MS };
  return runReplicatedScript(redis, replication, script, keys, ...args);
}

/** runDurableScript with the replication asked for given (tests). */
export async function runReplicatedScript(
  redis: Redis | Cluster,
  { replicas, waitTimeoutMs }: Replication,
  script: string,
  keys: readonly (string | number)[],
  ...args: (string | number)[]
): Promise<unknown> {
  if (replicas === 0) return runScript(redis, script, keys, ...args);
  const key = String(keys[0]);
  let masters = shortOfReplicas.get(redis);
  if (!masters) shortOfReplicas.set(redis, (masters = new Map()));
  const send = async () => {
    const master = masterOf(redis, key);
    const known = masters.get(master);
    const pipeline = redis.pipeline().eval(script, keys.length, ...keys, ...args);
    // A master known short of replicas: wait for those it had (none: no WAIT), and ask it how many it has.
    const waitFor = Math.min(replicas, known ?? replicas);
    if (waitFor > 0) pipeline.wait(waitFor, waitTimeoutMs);
    if (known !== undefined) pipeline.role();
    const replies = (await pipeline.exec()) as Reply[];
    const [write, wait] = [replies[0], waitFor > 0 ? replies[1] : ([null, 0] as Reply)];
    const role = known !== undefined ? replies[replies.length - 1] : null;
    return { master, waitFor, write, wait, role };
  };
  let sent = await send();
  // A pipeline does not follow a MOVED (the slot's master changed: a failover) by itself: learn the new
  // layout, and send it once more to the new master.
  if (sent.write[0]?.message.startsWith("MOVED") && "refreshSlotsCache" in redis) {
    await new Promise<void>((resolve) => redis.refreshSlotsCache(() => resolve()));
    sent = await send();
  }
  const { master, waitFor, write, wait, role } = sent;
  if (write[0]) throw write[0];
  if (wait[0]) throw wait[0];
  let reached = Number(wait[1]);
  if (reached >= replicas) {
    masters.delete(master);
    return write[1];
  }
  // Short of replicas: refused, unless the master has no more attached than reached it (a shard whose master
  // was lost, its replica now serving alone until a new one joins), where waiting could never succeed.
  const node = connectionTo(redis, master);
  if (!node) throw new NotReplicatedError(replicas, reached);
  // ROLE went with the write (a master known short), or is asked now; null: it did not say.
  const attached = role ? (role[0] ? null : attachedOf(role[1])) : await node.role().then(attachedOf, () => null);
  if (attached === null) throw new NotReplicatedError(replicas, reached);
  if (attached >= replicas) masters.delete(master);
  else masters.set(master, attached);
  const reachable = Math.min(replicas, attached);
  // Replicas joined since this master was found short: the write was not waited for them; wait now.
  if (reached < reachable && waitFor < reachable) {
    reached = Number(await node.wait(reachable, waitTimeoutMs));
  }
  if (reached >= reachable) return write[1];
  throw new NotReplicatedError(replicas, reached);
}
