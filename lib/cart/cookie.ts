import { newCookieId, parseCookieId, siteCookieOptions } from "../http/cookies";
import { CART_TTL_MS } from "./store";

/**
 * The guest cart's cookie: an unguessable id (128 random bits), httpOnly, SameSite=Lax, Secure when
 * the site is https, renewed with the cart on every write.
 */

export const CART_COOKIE = "brisk_cart";

export const newCartId = newCookieId;

/** The cart id in a cookie value, or null when it is absent or not one of ours (forged, truncated). */
export const parseCartId = parseCookieId;

export const cartCookieOptions = () => siteCookieOptions(CART_TTL_MS / 1000);
