import { subscribe } from "node:diagnostics_channel";
import type { IncomingMessage } from "node:http";
import { globalSingleton } from "../global-singleton";

/**
 * The request header that names a request's method when it is neither GET nor HEAD (a write, or OPTIONS),
 * set by the server itself. The proxy's matcher can select requests by header but not by method (proxy.ts):
 * with this header it runs for such requests to the product API and for nothing else there.
 */
export const WRITE_METHOD_HEADER = "x-brisk-write-method";

/** Whether a request by this method may change something: any method but GET and HEAD. */
export function isWriteMethod(method: string | undefined): boolean {
  return method !== "GET" && method !== "HEAD";
}

const tracking = globalSingleton("write-method-header", () => ({ on: false }));

/**
 * Marks every request whose method is neither GET nor HEAD with {@link WRITE_METHOD_HEADER}, and takes the
 * header off the others (a client's own copy would only make the proxy run for its GET). Node's HTTP server
 * announces each request on the `http.server.request.start` diagnostics channel, synchronously, before it
 * hands the request to Next.js. Called once per process from instrumentation.ts, while the server starts:
 * Next.js listens a moment before that, so a request in that moment is not marked (a load balancer sends
 * none before /api/health answers).
 */
export function markWriteMethods(): void {
  if (tracking.on) return;
  tracking.on = true;
  subscribe("http.server.request.start", (message) => {
    const { request } = message as { request: IncomingMessage };
    const { headers, method } = request;
    if (isWriteMethod(method)) headers[WRITE_METHOD_HEADER] = method;
    else if (headers[WRITE_METHOD_HEADER] !== undefined) delete headers[WRITE_METHOD_HEADER];
  });
}
