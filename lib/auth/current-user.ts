import { cookies } from "next/headers";
import { cache } from "react";
import { db } from "../db";
import { SESSION_MAX_AGE_SECONDS, SESSION_UPDATE_AGE_SECONDS, sessionCookieName } from "./cookies";
import { extendSessionRecord, readSessionRecord, type SessionRecord } from "./session-store";

/**
 * Who is signed in, for pages, route handlers and server actions: the session cookie, looked up through
 * the same store as Auth.js' adapter. Unlike Auth.js' `auth()`, which answers "nobody" when the store
 * fails, this throws StateUnavailableError, so a page can say sign-in is briefly unavailable instead of
 * showing a signed-in shopper as a guest. Sliding expiry as in Auth.js: moved at most once a day.
 */

export interface SignedIn {
  user: { id: string; email: string; name: string | null; role: "CUSTOMER" | "ADMIN" };
  session: SessionRecord;
}

/** Anything with cookies by name: a NextRequest's `cookies`, or `await cookies()` from next/headers. */
export interface CookieJar {
  get(name: string): { value: string } | undefined;
}

/** The signed-in user of a page, server action or route (once per render). */
export const currentUser = cache(async (): Promise<SignedIn | null> => signedInFrom(await cookies()));

export async function signedInFrom(jar: CookieJar): Promise<SignedIn | null> {
  const token = jar.get(sessionCookieName())?.value;
  if (!token) return null;
  let session = await readSessionRecord(token);
  if (!session) return null;
  const dueAt = session.expires.getTime() - (SESSION_MAX_AGE_SECONDS - SESSION_UPDATE_AGE_SECONDS) * 1000;
  if (dueAt <= Date.now()) {
    session = (await extendSessionRecord(token, new Date(Date.now() + SESSION_MAX_AGE_SECONDS * 1000))) ?? session;
  }
  const user = await db.user.findUnique({
    where: { id: session.userId },
    select: { id: true, email: true, name: true, role: true },
  });
  return user && { user, session };
}
