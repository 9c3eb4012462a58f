import { authKeys } from "../auth/keys";
import { scanKeys } from "../redis/scan";
import { redisClient } from "../redis/clients";
import { withStateRedis } from "../redis/state";

/**
 * Makes an e-mail's pending sign-in codes expire now, as if their 10 minutes had passed: each code's record
 * and its browser's entry go, exactly the keys whose expiry is the code's (the wrong-try log stays, as it
 * would). Returns how many codes expired.
 */
export async function expireSignInCodes(email: string): Promise<number> {
  const keys = await scanKeys(redisClient("state"), `${authKeys.verificationToken(email, "")}*`);
  const expiring = keys.filter((key) => key !== authKeys.verificationWrongTries(email));
  if (expiring.length === 0) return 0;
  await withStateRedis((redis) => redis.del(...expiring));
  return expiring.filter((key) => key.startsWith(authKeys.verificationBrowser(email, ""))).length;
}
