import { cookies } from "next/headers";
import { signedInFrom, type CookieJar } from "../auth/current-user";
import { sessionCookieName } from "../auth/cookies";
import { StateUnavailableError } from "../redis/state";

/**
 * Who is looking at an order: the signed-in user, or nobody (a guest's token works regardless). With a
 * session cookie and Redis down it throws StateUnavailableError: "not found" would be a false, final
 * answer to the order's owner.
 */
export async function orderViewerId(jar: CookieJar): Promise<string | null> {
  try {
    return (await signedInFrom(jar))?.user.id ?? null;
  } catch (error) {
    if (error instanceof StateUnavailableError && !jar.get(sessionCookieName())) return null;
    throw error;
  }
}

export async function currentOrderViewerId(): Promise<string | null> {
  return orderViewerId(await cookies());
}
