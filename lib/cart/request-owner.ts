import { signedInFrom, type CookieJar, type SignedIn } from "../auth/current-user";
import type { CartOwner } from "./types";
import { CART_COOKIE } from "./cookie";
import { cartOwnerForWrite, cartOwnerFromCookie } from "./owner";

/**
 * The cart of a request (by its cookies: a route's `request.cookies`, or next/headers' in pages and server
 * actions): a signed-in user's cart follows them to every browser; a guest's is the one named by the cart
 * cookie. Throws StateUnavailableError when Redis cannot say who is signed in.
 */

export async function requestCartOwner(jar: CookieJar): Promise<CartOwner | null> {
  return cartOwnerOf(await signedInFrom(jar), jar);
}

/** The same, for a caller that already looked the session up. */
export function cartOwnerOf(signedIn: SignedIn | null, jar: CookieJar): CartOwner | null {
  return signedIn ? { kind: "user", id: signedIn.user.id } : cartOwnerFromCookie(jar.get(CART_COOKIE)?.value);
}

/** The cart to write, and for a guest the cart id the cookie must (again) carry. */
export async function requestCartOwnerForWrite(jar: CookieJar): Promise<{ owner: CartOwner; guestCartId?: string }> {
  const signedIn = await signedInFrom(jar);
  if (signedIn) return { owner: { kind: "user", id: signedIn.user.id } };
  const { owner, newCartId } = await cartOwnerForWrite(jar.get(CART_COOKIE)?.value);
  return { owner, guestCartId: newCartId ?? owner.id };
}
