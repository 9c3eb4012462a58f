import { createHash } from "node:crypto";
import type { Cluster, Redis } from "ioredis";

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
