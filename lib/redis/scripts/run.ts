import { createHash } from "node:crypto";
import type { Cluster, Redis } from "ioredis";
import { env } from "../../env";

/**
 * Runs a Lua script by its SHA1 (EVALSHA): the script's text crosses the wire, and Redis hashes it, only
 * when Redis does not have it yet (a NOSCRIPT answer, after a restart or on a Cluster node that has not run
 * it), and then once, by EVAL, which also loads it. Scripts that run on every request (a view recorded, a
 * session read) send a few dozen bytes instead of their whole text. That first call after a restart makes two
 * round trips within the caller's one deadline (lib/redis/state.ts); once per script and restart, on a
 * connection that has just come back, it is the exception the deadline's allowance for a busy loop absorbs.
 */

const shas = new Map<string, string>();

function shaOf(script: string): string {
  let sha = shas.get(script);
  if (!sha) shas.set(script, (sha = createHash("sha1").update(script).digest("hex")));
  return sha;
}

export async function runScript(
  redis: Redis | Cluster,
  script: string,
  keys: readonly (string | number)[],
  ...args: (string | number)[]
): Promise<unknown> {
  try {
    return await redis.evalsha(shaOf(script), keys.length, ...keys, ...args);
  } catch (error) {
    if (!(error as Error).message?.startsWith("NOSCRIPT")) throw error;
    return redis.eval(script, keys.length, ...keys, ...args);
  }
}

/** A write that did not reach the replicas it must before it is acknowledged (it may or may not stay). */
export class NotReplicatedError extends Error {
  constructor(wanted: number, reached: number) {
    super(`the write reached ${reached} of ${wanted} replicas in time`);
    this.name = "NotReplicatedError";
  }
}

/**
 * A script whose write must survive the loss of its master (carts, sessions): sent with WAIT in one
 * pipeline, so on the connection of the key's master, and answered only once REDIS_WAIT_REPLICAS replicas
 * have it; else NotReplicatedError (the caller answers 503 "briefly unavailable"). Redis replicates
 * asynchronously: without WAIT a master that dies just after answering takes the write with it, and the
 * replica that takes over never had it. A master left without replicas (its shard failed over, and no new
 * replica has joined yet) answers after the wait, from its one copy. By EVAL (the text each time): these
 * writes are few, and one round trip is kept. With REDIS_WAIT_REPLICAS=0 (a single Redis), `runScript`.
 */
export async function runDurableScript(
  redis: Redis | Cluster,
  script: string,
  keys: readonly (string | number)[],
  ...args: (string | number)[]
): Promise<unknown> {
  const replicas = env.REDIS_WAIT_REPLICAS;
  if (replicas === 0) return runScript(redis, script, keys, ...args);
  const send = () =>
    redis
      .pipeline()
      .eval(script, keys.length, ...keys, ...args)
      .wait(replicas, env.REDIS_WAIT_TIMEOUT_MS)
      .exec();
  let [[writeError, reply], [waitError, reached]] = (await send())!;
  // A pipeline does not follow a MOVED (the slot's master changed: a failover) by itself: learn the new
  // layout, and send it once more to the new master.
  if (writeError?.message.startsWith("MOVED") && "refreshSlotsCache" in redis) {
    await new Promise<void>((resolve) => redis.refreshSlotsCache(() => resolve()));
    [[writeError, reply], [waitError, reached]] = (await send())!;
  }
  if (writeError) throw writeError;
  if (waitError) throw waitError;
  if (Number(reached) >= replicas) return reply;
  // Short of replicas: refused, unless the master has no more attached than reached it (a shard whose master
  // was lost, its replica now serving alone until a new one joins), where waiting could never succeed.
  const [, [roleError, role]] = (await redis.pipeline().exists(String(keys[0])).role().exec())!;
  if (!roleError && (role as [string, number, unknown[]])[2].length <= Number(reached)) return reply;
  throw new NotReplicatedError(replicas, Number(reached));
}
