import { redisKeys } from "../redis/keys";
import { withStateRedis } from "../redis/state";
import { runScript } from "../redis/scripts/run";

/**
 * Fixed-window rate limits in the state Redis: one counter per scope and window, counted and given its
 * expiry in one script, so concurrent requests on any instance share the count.
 */

const HIT_LUA = `
local count = redis.call('INCR', KEYS[1])
if count == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
return {count, redis.call('PTTL', KEYS[1])}
`;

export interface Limit {
  /** What is counted, e.g. `signin-email:<email>`. */
  scope: string;
  limit: number;
  windowMs: number;
}

export interface LimitResult {
  allowed: boolean;
  retryAfterSeconds: number;
}

/** Counts one request against the limit; allowed while the window holds at most `limit` of them. */
export async function hitRateLimit({ scope, limit, windowMs }: Limit): Promise<LimitResult> {
  const key = redisKeys.rateLimit(scope, Math.floor(Date.now() / windowMs));
  const hit = await withStateRedis((redis) => runScript(redis, HIT_LUA, [key], windowMs));
  const [count, ttl] = hit as [number, number];
  return { allowed: count <= limit, retryAfterSeconds: Math.max(1, Math.ceil(ttl / 1000)) };
}
