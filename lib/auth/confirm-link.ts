import { env } from "../env";
import { safeCallbackUrl } from "./callback-url";
import { emailSchema } from "./email";
import { isOneTimeCode } from "./one-time-code";
import { LINK_NONCE_PARAM, parseBrowserNonce } from "./sign-in-browser";

/**
 * A magic link opened in a browser other than the one that asked for it, confirmed by its user on
 * /signin/confirm: what that browser adopts (the asking browser's nonce, carried by the link) and where it
 * goes next (Auth.js' callback, which then accepts the code there). Null for anything malformed.
 */
export function confirmedLink(fields: { get(name: string): unknown }): { nonce: string; callback: URL } | null {
  const email = emailSchema.safeParse(fields.get("email"));
  const nonce = parseBrowserNonce(fields.get(LINK_NONCE_PARAM));
  const token = fields.get("token");
  if (!email.success || !nonce || !isOneTimeCode(token)) return null;
  const callback = new URL("/api/auth/callback/email", env.AUTH_URL);
  callback.search = new URLSearchParams({
    callbackUrl: safeCallbackUrl(fields.get("callbackUrl")),
    token,
    email: email.data,
    [LINK_NONCE_PARAM]: nonce,
  }).toString();
  return { nonce, callback };
}
