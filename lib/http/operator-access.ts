import { createHash, timingSafeEqual } from "node:crypto";
import { env } from "../env";
import { isDirectLoopbackRequest } from "./direct-loopback";
import { jsonError } from "./errors";
import { isLoopbackHost } from "./loopback";

/**
 * Who may read what only operators should see: /api/metrics, and the details of /api/health (which
 * dependency is down, the cache breaker's state).
 * - METRICS_TOKEN set: a request carrying `Authorization: Bearer <METRICS_TOKEN>`, from anywhere; any
 *   other request is `unauthorized` (401), loopback included, so a scraper with a wrong token is noticed.
 * - Unset: only while the server itself listens on loopback (HOST), and only a request sent straight from
 *   this machine (`isDirectLoopbackRequest`); others are `forbidden`. Beyond loopback the Host and
 *   X-Forwarded-For headers that check reads can be forged by anyone who reaches the port.
 */

export type OperatorAccess = "ok" | "unauthorized" | "forbidden";

const digest = (value: string) => createHash("sha256").update(value).digest();

/** Compares the bearer token in constant time (equal-length digests: neither where it differs nor its length leaks). */
function bearerMatches(authorization: string | null, token: string): boolean {
  const presented = /^Bearer +([\x21-\x7e]+) *$/i.exec(authorization ?? "")?.[1];
  const equal = timingSafeEqual(digest(presented ?? ""), digest(token));
  return presented !== undefined && equal;
}

export function operatorAccess(
  headers: Headers,
  token: string | undefined = env.METRICS_TOKEN,
  host: string = env.HOST,
): OperatorAccess {
  if (token) return bearerMatches(headers.get("authorization"), token) ? "ok" : "unauthorized";
  return isLoopbackHost(host) && isDirectLoopbackRequest(headers) ? "ok" : "forbidden";
}

/** The JSON error for a refused operator request: 401 with `WWW-Authenticate`, or 403. */
export function operatorRefusal(access: Exclude<OperatorAccess, "ok">): Response {
  return access === "unauthorized"
    ? jsonError("unauthorized", "A valid bearer token is required.", {
        headers: { "WWW-Authenticate": 'Bearer realm="brisk-operator"', "Cache-Control": "no-store" },
      })
    : jsonError("forbidden", "Answered only on loopback, or with METRICS_TOKEN set, with its bearer token.", {
        headers: { "Cache-Control": "no-store" },
      });
}
