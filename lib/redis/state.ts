import { env } from "../env";
import { awaitReady, redisClient } from "./clients";
import { withDeadline } from "./deadline";
import { runDurableScript } from "./scripts/durable";

/** Redis for state that must not be lost (carts, sessions): unlike the cache, it cannot fail open. */
export class StateUnavailableError extends Error {
  constructor(cause: unknown) {
    super(`Redis (state) is unavailable: ${(cause as Error)?.message ?? cause}`);
    this.name = "StateUnavailableError";
  }
}

/**
 * Runs commands on the state Redis within the command deadline; throws StateUnavailableError when it cannot.
 * `work` should be one round trip (a command, a script, or commands sent together): the deadline's allowance
 * for a busy event loop covers one reply (lib/redis/deadline.ts), so chain round trips as separate calls.
 */
export async function withStateRedis<T>(
  work: (redis: ReturnType<typeof redisClient>) => Promise<T>,
  role: "state" | "durable" = "state",
): Promise<T> {
  if (!(await awaitReady(role))) throw new StateUnavailableError("not connected");
  try {
    return await withDeadline(work(redisClient(role)), env.REDIS_COMMAND_TIMEOUT_MS);
  } catch (error) {
    throw new StateUnavailableError(error);
  }
}

/**
 * A cart or session write that must survive the loss of its master (lib/redis/scripts/durable.ts), within
 * the command deadline, on the connections of the `durable` role (lib/redis/clients.ts): its WAIT for the
 * replicas holds no other command of the state Redis. StateUnavailableError as withStateRedis.
 */
export function durableStateWrite(
  script: string,
  keys: readonly (string | number)[],
  ...args: (string | number)[]
): Promise<unknown> {
  return withStateRedis((redis) => runDurableScript(redis, script, keys, ...args), "durable");
}

/** `work`'s result, or "unavailable" when the state Redis is briefly unavailable; any other error is thrown. */
export async function unlessStateUnavailable<T>(work: () => Promise<T>): Promise<T | "unavailable"> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof StateUnavailableError) return "unavailable";
    throw error;
  }
}
