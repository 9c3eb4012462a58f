import { authKeys } from "./keys";
import { CODE_CREATE_LUA, CODE_USE_LUA } from "../redis/scripts/session";
import { withStateRedis } from "../redis/state";

/**
 * Sign-in codes (Auth.js verification tokens) in Redis, expiring with the code (PXAT). Auth.js hands the
 * adapter a hash of the code, never the code, so wrong tries are counted per e-mail: after
 * MAX_WRONG_TRIES every pending code of that e-mail is dead, the right one too, until a new one is sent.
 * A code is used once (GETDEL). Throws StateUnavailableError when Redis fails.
 */

export const MAX_WRONG_TRIES = 5;
export const CODE_LIFETIME_MS = 10 * 60 * 1000;

export interface CodeRecord {
  identifier: string;
  token: string;
  expires: Date;
}

const keysOf = (identifier: string, hashedToken: string) => [
  authKeys.verificationToken(identifier, hashedToken),
  authKeys.verificationIndex(identifier),
  authKeys.verificationTries(identifier),
];

export async function createCode(record: CodeRecord): Promise<CodeRecord> {
  const stored = JSON.stringify({ ...record, expires: record.expires.getTime() });
  await withStateRedis((redis) =>
    redis.eval(
      CODE_CREATE_LUA,
      3,
      ...keysOf(record.identifier, record.token),
      stored,
      record.expires.getTime(),
      record.token,
      authKeys.verificationToken(record.identifier, ""),
    ),
  );
  return record;
}

/** The code's record if it was pending (and now used), else null; a miss counts as a wrong try. */
export async function consumeCode(identifier: string | undefined, hashedToken: string): Promise<CodeRecord | null> {
  if (!identifier) return null;
  const raw = await withStateRedis((redis) =>
    redis.eval(
      CODE_USE_LUA,
      3,
      ...keysOf(identifier, hashedToken),
      hashedToken,
      MAX_WRONG_TRIES,
      CODE_LIFETIME_MS,
      authKeys.verificationToken(identifier, ""),
    ),
  );
  if (typeof raw !== "string") return null;
  const stored = JSON.parse(raw) as { identifier: string; token: string; expires: number };
  return { ...stored, expires: new Date(stored.expires) };
}

/** Wrong tries left for an e-mail's pending codes (for the sign-in page's message). */
export async function triesLeft(identifier: string): Promise<number> {
  const tries = await withStateRedis((redis) => redis.get(authKeys.verificationTries(identifier)));
  return Math.max(0, MAX_WRONG_TRIES - Number(tries ?? 0));
}
