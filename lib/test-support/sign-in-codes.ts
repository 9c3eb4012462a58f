import { authKeys } from "../auth/keys";
import { withStateRedis } from "../redis/state";

/**
 * Makes an e-mail's pending sign-in codes expire now, as if their 10 minutes had passed: each code's
 * record, its browser's entry and the index go, exactly the keys whose expiry is the code's (the
 * wrong-try log stays, as it would). Returns how many codes expired.
 */
export async function expireSignInCodes(email: string): Promise<number> {
  const index = authKeys.verificationIndex(email);
  const hashes = await withStateRedis((redis) => redis.smembers(index));
  if (hashes.length === 0) return 0;
  const records = await withStateRedis((redis) =>
    redis.mget(...hashes.map((hash) => authKeys.verificationToken(email, hash))),
  );
  const browsers = records.flatMap((raw) => {
    const browser = raw ? (JSON.parse(raw) as { browser?: string }).browser : undefined;
    return browser ? [authKeys.verificationBrowser(email, browser)] : [];
  });
  await withStateRedis((redis) =>
    redis.del(index, ...hashes.map((hash) => authKeys.verificationToken(email, hash)), ...browsers),
  );
  return hashes.length;
}
