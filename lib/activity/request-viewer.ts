import { cookies } from "next/headers";
import { signedInFrom, type CookieJar, type SignedIn } from "../auth/current-user";
import type { Viewer } from "./keys";
import { mergeRecentlyViewed } from "./recently-viewed";
import { newVisitorId, parseVisitorId, VISITOR_COOKIE } from "./visitor";

/**
 * Whose recently viewed list a request reads or writes: a signed-in user's follows them to every browser;
 * a guest's is the visitor cookie's. Throws StateUnavailableError when Redis cannot say who is signed in.
 */

export async function requestViewer(jar: CookieJar): Promise<Viewer | null> {
  return viewerOf(await signedInFrom(jar), jar);
}

/** The same, for a caller that already looked the session up. */
export function viewerOf(signedIn: SignedIn | null, jar: CookieJar): Viewer | null {
  if (signedIn) return { kind: "user", id: signedIn.user.id };
  const visitorId = parseVisitorId(jar.get(VISITOR_COOKIE)?.value);
  return visitorId ? { kind: "visitor", id: visitorId } : null;
}

/** The viewer to record a view for, and for a guest the visitor id the cookie must (again) carry. */
export function viewerForWrite(signedIn: SignedIn | null, jar: CookieJar): { viewer: Viewer; visitorId?: string } {
  const viewer = viewerOf(signedIn, jar);
  if (viewer?.kind === "user") return { viewer };
  const id = viewer?.id ?? newVisitorId();
  return { viewer: { kind: "visitor", id }, visitorId: id };
}

/**
 * Auth.js' sign-in event: the browser's recently viewed products join the user's. A failed merge leaves
 * the browser's list for the next sign-in; it does not fail the sign-in.
 */
export async function mergeRecentlyViewedOnSignIn(userId: string): Promise<void> {
  const visitorId = parseVisitorId((await cookies()).get(VISITOR_COOKIE)?.value);
  if (!visitorId) return;
  try {
    await mergeRecentlyViewed(visitorId, userId);
  } catch (error) {
    console.error(`[brisk] merging recently viewed into user ${userId} failed: ${(error as Error).message}`);
  }
}
