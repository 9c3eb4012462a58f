import { env } from "../env";
import { jsonError } from "./errors";

/**
 * State-changing requests from another origin are refused (403 `forbidden`): a request whose `Origin`
 * header is neither the request's own origin, nor the site's (AUTH_URL), nor one of ALLOWED_ORIGINS.
 * Requests without an Origin (same-origin GETs, curl, server-to-server) pass: browsers send it on every
 * cross-origin POST, PATCH and DELETE, and the cookies are SameSite=Lax besides.
 */
export function refuseCrossOrigin(request: Request): Response | null {
  const origin = request.headers.get("origin");
  if (!origin) return null;
  const allowed = new Set([new URL(request.url).origin, new URL(env.AUTH_URL).origin, ...env.ALLOWED_ORIGINS]);
  return allowed.has(origin) ? null : jsonError("forbidden", "Requests from other sites are not allowed.");
}
