import { randomBytes } from "node:crypto";
import { env } from "../env";
import { CART_TTL_MS } from "./store";

/**
 * The guest cart's cookie: an unguessable id (128 random bits), httpOnly, SameSite=Lax, Secure when
 * the site is https, renewed with the cart on every write.
 */

export const CART_COOKIE = "brisk_cart";

export function newCartId(): string {
  return randomBytes(16).toString("base64url");
}

/** The cart id in a cookie value, or null when it is absent or not one of ours (forged, truncated). */
export function parseCartId(value: string | undefined | null): string | null {
  return value && /^[A-Za-z0-9_-]{22}$/.test(value) ? value : null;
}

export function cartCookieOptions() {
  return {
    httpOnly: true,
    sameSite: "lax" as const,
    secure: new URL(env.AUTH_URL).protocol === "https:",
    path: "/",
    maxAge: CART_TTL_MS / 1000,
  };
}
