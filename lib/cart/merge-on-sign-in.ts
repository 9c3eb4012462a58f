import { cookies } from "next/headers";
import { CART_COOKIE, parseCartId } from "./cookie";
import { mergeGuestCart } from "./merge";

/**
 * Auth.js' sign-in event: the guest cart (by its cookie) merges into the user's cart, then the guest cookie
 * is cleared, so a guest cart id is never used again. A failed merge leaves the cookie, and the cart, for
 * the next sign-in; it does not fail the sign-in.
 */
export async function mergeGuestCartOnSignIn(userId: string): Promise<void> {
  const jar = await cookies();
  const guestId = parseCartId(jar.get(CART_COOKIE)?.value);
  if (!guestId) return;
  try {
    await mergeGuestCart(guestId, userId);
    jar.delete(CART_COOKIE);
  } catch (error) {
    console.error(`[brisk] merging guest cart into user ${userId} failed: ${(error as Error).message}`);
  }
}
