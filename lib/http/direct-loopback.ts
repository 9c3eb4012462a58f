import { isIP } from "node:net";
import { isLoopbackHost } from "./loopback";

/**
 * Whether a request came straight from this machine to this server: the name it was sent to (`Host`)
 * is loopback (`localhost`, `127.x.x.x`, `[::1]`, any port) and no proxy left a trace. A page on another
 * site that rebinds its DNS name to 127.0.0.1 still sends its own name as `Host`; a reverse proxy that
 * forwards the public name, or says who it forwards for, is refused as well. The dev mailbox and the
 * operator endpoints (metrics, health details without METRICS_TOKEN) answer only such requests.
 *
 * What the standalone server adds itself (Next 16, `base-server.js`), each only when the request lacks it:
 * `x-forwarded-for` (the socket's address), `x-forwarded-host` (= Host), `x-forwarded-port` (its own
 * port) and `x-forwarded-proto` (`http`, or `https` on a TLS socket). So those four are judged by their
 * value: one loopback address, and a host equal to Host. Port and scheme name no other machine and are
 * not judged. Every other proxy header is refused when present.
 *
 * Not detectable: a proxy on this machine that sends a loopback Host and adds no header at all.
 */

/** Headers only a proxy (or a client pretending to be one) sends. */
const PROXY_HEADERS = [
  "via",
  "forwarded",
  "x-real-ip",
  "x-client-ip",
  "x-cluster-client-ip",
  "x-original-forwarded-for",
  "true-client-ip",
  "cf-connecting-ip",
  "fastly-client-ip",
];

/** The x-forwarded-* headers Next fills in on a direct request; any other x-forwarded-* is a proxy's. */
const FILLED_IN_BY_NEXT = new Set(["x-forwarded-for", "x-forwarded-host", "x-forwarded-port", "x-forwarded-proto"]);

/** The host name of a Host header (`name`, `name:port`, `[v6]`, `[v6]:port`), or null when malformed. */
export function hostName(host: string): string | null {
  const match = /^(\[[0-9a-f:.]+\]|[^:[\]]+)(?::(\d{1,5}))?$/i.exec(host.trim());
  return match ? match[1].toLowerCase() : null;
}

function isLoopbackAddress(address: string): boolean {
  const bare = address.replace(/^\[|\]$/g, "");
  return isIP(bare.replace(/^::ffff:/i, "")) !== 0 && isLoopbackHost(bare);
}

export function isDirectLoopbackRequest(headers: Headers): boolean {
  const host = headers.get("host");
  const name = host === null ? null : hostName(host);
  if (name === null || !isLoopbackHost(name)) return false;

  if (PROXY_HEADERS.some((header) => headers.has(header))) return false;
  for (const [header] of headers) {
    if (header.startsWith("x-forwarded-") && !FILLED_IN_BY_NEXT.has(header)) return false;
  }

  // Next fills in exactly one address, the socket's; a list means someone appended to it.
  const forwardedFor = headers.get("x-forwarded-for");
  if (forwardedFor !== null && !isLoopbackAddress(forwardedFor.trim())) return false;

  const forwardedHost = headers.get("x-forwarded-host");
  if (forwardedHost !== null && forwardedHost.trim().toLowerCase() !== host!.trim().toLowerCase()) return false;

  return true;
}
