import { isIP } from "node:net";
import { env } from "../env";

/**
 * The client's IP, for rate limits. A route handler cannot see the socket, and `x-forwarded-for` is
 * whatever the client wrote, so it is read only when TRUST_PROXY_HOPS says how many proxies in front of
 * the app append to it: the address the outermost trusted proxy saw is that many entries from the right.
 * Anything the client wrote to the left of it is ignored. Without trusted proxies: null (no per-IP limit).
 */

function forwardedFor(headers: Headers): string[] {
  return (headers.get("x-forwarded-for") ?? "")
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
}

export function clientIp(headers: Headers, hops: number = env.TRUST_PROXY_HOPS): string | null {
  if (hops === 0) return null;
  const entries = forwardedFor(headers);
  if (entries.length === 0) return null;
  const ip = entries[Math.max(0, entries.length - hops)];
  return isIP(ip) ? ip : null;
}
