import { subscribe } from "node:diagnostics_channel";
import type { IncomingMessage } from "node:http";
import { globalSingleton } from "../global-singleton";

/**
 * The request header that names a request's method when it is not GET or HEAD, set by the server itself.
 * The proxy's matcher can select requests by header but not by method (proxy.ts): with this header it runs
 * for writes to the product API and for nothing else there.
 */
export const WRITE_METHOD_HEADER = "x-brisk-write-method";

const tracking = globalSingleton("write-method-header", () => ({ on: false }));

/**
 * Marks every request whose method is not GET or HEAD with {@link WRITE_METHOD_HEADER}, once per process,
 * before the server takes requests (instrumentation.ts). Node's HTTP server announces each request on the
 * `http.server.request.start` diagnostics channel, synchronously, before it hands the request to Next.js.
 * A client may send the header itself: the proxy then runs for its GET and lets it through.
 */
export function markWriteMethods(): void {
  if (tracking.on) return;
  tracking.on = true;
  subscribe("http.server.request.start", (message) => {
    const { request } = message as { request: IncomingMessage };
    if (request.method !== "GET" && request.method !== "HEAD") request.headers[WRITE_METHOD_HEADER] = request.method;
  });
}
