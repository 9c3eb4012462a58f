import { isCachedApiPath } from "./cached-paths";
import { CACHE_TAGS_HEADER, openedProcessPages, unpackedPage, type ProcessPages } from "./process-pages";

/** A route handler's answer as Next.js keeps it in the route cache. */
interface RouteAnswer {
  kind: "APP_ROUTE";
  /** A Buffer (a slice of the unpacked entry). */
  body: Uint8Array<ArrayBuffer>;
  headers?: Record<string, string | string[] | undefined>;
  status?: number;
}

/** The headers of each kept answer, made once while the unpacked answer stays in memory. */
const headersOf = new WeakMap<RouteAnswer, Record<string, string>>();

/**
 * The product API's answer (`GET`/`HEAD /api/products/<slug>`) as the route cache keeps it, when this
 * process holds it in memory: the answer Next.js would send for it, found before Next.js routes the
 * request (proxy.ts). Only lib/cache's L1 is read, which every invalidation reaches: no Redis, no render.
 * Null when the answer is not in memory (Next.js then routes the request as usual: from Redis, or a render),
 * or when it carries no Cache-Control of its own (Next.js would make one from its lifetime).
 */
export function answerFromMemory(method: string, pathname: string): Response | null {
  if (method !== "GET" && method !== "HEAD") return null;
  const pages = openedProcessPages();
  const key = pages && answerKey(pages, pathname);
  const page = key && pages.store.peek(key);
  if (!page) return null;
  const answer = unpackedPage(pages, page) as RouteAnswer;
  if (answer.kind !== "APP_ROUTE") return null;
  let headers = headersOf.get(answer);
  if (!headers) headersOf.set(answer, (headers = sentHeaders(answer)));
  if (!headers["cache-control"]) return null;
  return new Response(method === "HEAD" ? null : answer.body, { status: answer.status ?? 200, headers });
}

/** Whether this process holds the product API's answer for `pathname` in memory (not counted as a read). */
export function holdsAnswer(pathname: string): boolean {
  const pages = openedProcessPages();
  const key = pages && answerKey(pages, pathname);
  return !!key && pages.store.inMemory(key);
}

/**
 * The route cache key of the product answer for `pathname`, once Next.js has shown how it names them. Not for
 * a path with a percent-encoding: Next.js keys the decoded path, so such a path is left to Next.js.
 */
function answerKey(pages: ProcessPages, pathname: string): string | undefined {
  if (pages.apiKeyPrefix === undefined || !isCachedApiPath(pathname) || pathname.includes("%")) return undefined;
  return pages.apiKeyPrefix + pathname;
}

/** The kept answer's headers as Next.js sends them from its route cache. */
function sentHeaders(answer: RouteAnswer): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(answer.headers ?? {})) {
    if (value !== undefined && name.toLowerCase() !== CACHE_TAGS_HEADER) {
      headers[name.toLowerCase()] = Array.isArray(value) ? value.join(", ") : value;
    }
  }
  headers["x-nextjs-cache"] = "HIT";
  return headers;
}
