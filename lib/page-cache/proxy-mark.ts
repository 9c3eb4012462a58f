import { subscribe } from "node:diagnostics_channel";
import type { IncomingMessage } from "node:http";
import { globalSingleton } from "../global-singleton";
import { isWriteMethod } from "../http/write-method";
import { PRODUCT_API_START } from "./cached-paths";
import { holdsAnswer } from "./memory-answer";

/**
 * The request header by which the proxy's matcher selects the product API's requests it has work for
 * (proxy.ts), set by the server itself: on a request by another method than GET or HEAD (the proxy answers
 * 405), and on a GET or HEAD of `/api/products/<slug>` whose answer this process holds in memory (the proxy
 * sends it: memory-answer.ts). Every other request to the product API goes straight to Next.js: the proxy
 * passing a request on would cost it about a quarter of its requests per second (docs/page-cache.md).
 */
export const PROXY_MARK_HEADER = "x-brisk-proxy";

const tracking = globalSingleton("proxy-mark", () => ({ on: false }));

/**
 * Marks the requests {@link PROXY_MARK_HEADER} is for, and takes a client's own copy of the header off every
 * request. Node's HTTP server announces each request on the `http.server.request.start` diagnostics channel,
 * synchronously, before it hands the request to Next.js. Called once per process from instrumentation.ts,
 * while the server starts: Next.js listens a moment before that, so a request in that moment is not marked
 * (a load balancer sends none before /api/health answers).
 */
export function markProxyRequests(): void {
  if (tracking.on) return;
  tracking.on = true;
  subscribe("http.server.request.start", (message) => {
    const { request } = message as { request: IncomingMessage };
    const { headers, method, url = "" } = request;
    if (headers[PROXY_MARK_HEADER] !== undefined) delete headers[PROXY_MARK_HEADER];
    if (isWriteMethod(method)) headers[PROXY_MARK_HEADER] = method;
    else if (url.startsWith(PRODUCT_API_START) && inMemory(pathOf(url))) headers[PROXY_MARK_HEADER] = "memory";
  });
}

/** Whether the answer is in memory; false if asking failed (Node's server would throw it as uncaught). */
function inMemory(pathname: string): boolean {
  try {
    return holdsAnswer(pathname);
  } catch (error) {
    console.error("[page-cache] could not look up a product answer in memory", error);
    return false;
  }
}

function pathOf(url: string): string {
  const query = url.indexOf("?");
  return query < 0 ? url : url.slice(0, query);
}
