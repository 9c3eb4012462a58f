import { NextResponse, type NextRequest } from "next/server";
import { refreshedSessionCookieOptions, sessionCookieName } from "./lib/auth/cookies";
import { jsonError } from "./lib/http/errors";
import { isMalformedPath } from "./lib/http/malformed-path";
import { isPageLoad } from "./lib/http/page-load";
import { newNonce, pageCsp } from "./lib/http/security-headers";
import { isWriteMethod } from "./lib/http/write-method";
import { isCachedApiPath, isCachedPagePath, pageRoute } from "./lib/page-cache/cached-paths";
import { answerFromMemory } from "./lib/page-cache/memory-answer";

/**
 * Runs before every page rendered per request, before any path that contains a `%`, and before the product
 * API's requests it has work for, which the server marks (lib/page-cache/proxy-mark.ts; see `config`).
 * No Redis here (docs/architecture.md): what it answers from the cache comes from this process's memory.
 * - A path with a malformed percent-encoding (`/products/%`) would make Next.js fail with a bare 500 before
 *   any page or route handler runs (lib/http/malformed-path.ts): under /api it is a 400 `invalid_input` in
 *   the JSON error shape, elsewhere the site's 404 page.
 * - A GET or HEAD of the product API whose answer this process holds in memory (the route cache's entry in
 *   lib/cache's L1) is answered here, as Next.js would answer it from the route cache, without Next.js
 *   routing it: that routing is most of what the answer costs (lib/page-cache/memory-answer.ts). The others
 *   do not come here (passing a request on costs the proxy more than answering one), but for a path with a
 *   `%`, passed on: Next.js serves them from Redis, or renders.
 * - A request to the product API by another method than GET or HEAD is a 405 in the JSON error shape
 *   (OPTIONS a 204): Next.js would answer any method there with the GET answer it keeps in the route cache.
 * - Every page rendered per request gets its Content-Security-Policy with a nonce of its own
 *   (lib/http/security-headers.ts). The policy goes on the request too: Next.js reads the nonce there and sets
 *   it on the scripts it renders. Pages served from the route cache (home, product pages, categories
 *   without a query: lib/page-cache/cached-paths.ts) are the same for everyone and carry no nonce: their
 *   policy comes with the cache entry (script hashes). (`next dev` renders those per request, without a
 *   policy: the proxy does not run for most of them.)
 *   The other security headers come from next.config.ts, on every response.
 * - `/` is rendered by the route `/storefront/home`, and a category with a query string by
 *   `/categories/<slug>/filtered` (rewrites: lib/page-cache/cached-paths.ts).
 * - Signed out, `/account*` answers an HTTP redirect to /signin (a real 3xx, not a streamed meta refresh).
 *   Only the cookie's absence is checked; a cookie whose session is gone is sent to /signin by the page.
 * - A session cookie is sent again with a fresh 30-day lifetime, as the session's own expiry slides in
 *   Redis when pages read it (lib/auth/current-user.ts), so an active shopper's cookie never runs out first;
 *   only on a page load (lib/http/page-load.ts): a prefetch could bring it back after a sign-out cleared it;
 *   and not on pages from the route cache (app/api/shopper does it for them).
 */
export function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  const dev = process.env.NODE_ENV === "development";
  const api = pathname === "/api" || pathname.startsWith("/api/");
  const resource = api || pathname.startsWith("/media/");
  if (isMalformedPath(pathname) && api) {
    return jsonError("invalid_input", "The path is not a valid URL (malformed percent-encoding).");
  }
  if (isCachedApiPath(pathname)) {
    if (isWriteMethod(request.method)) return refuseWrite(request.method);
    return (!dev && answerFromMemory(request.method, pathname)) || NextResponse.next();
  }
  // No page has a malformed path: render the not-found page (404), whatever the path would have matched.
  // A /media path keeps the resources' policy (next.config.ts); its 404 page is plain.
  const malformed = isMalformedPath(pathname) ? new URL(MALFORMED_PAGE, request.url) : null;
  if (resource) return malformed ? NextResponse.rewrite(malformed) : NextResponse.next();

  const csp = !dev && !malformed && isCachedPagePath(pathname, search) ? null : pageCsp(newNonce(), { dev });
  const cookie = request.cookies.get(sessionCookieName());
  if (!malformed && !cookie && (pathname === "/account" || pathname.startsWith("/account/"))) {
    // Built on request.url, as the rewrites below: the server's own origin, which Next.js' router then takes
    // off (a relative Location; the shopper's origin may be a load balancer's). `request.nextUrl` names a
    // loopback host `localhost`, which the router would keep (next.config.ts, skipProxyUrlNormalize).
    const signIn = new URL("/signin", request.url);
    signIn.searchParams.set("callbackUrl", pathname + search);
    const redirect = NextResponse.redirect(signIn);
    if (csp) redirect.headers.set("Content-Security-Policy", csp);
    return redirect;
  }
  const requestHeaders = new Headers(request.headers);
  if (csp) requestHeaders.set("Content-Security-Policy", csp);
  const init = { request: { headers: requestHeaders } };
  const route = pageRoute(pathname, search);
  const target = malformed ?? (route ? new URL(route, request.url) : null);
  const response = target ? NextResponse.rewrite(target, init) : NextResponse.next(init);
  if (csp) response.headers.set("Content-Security-Policy", csp);
  // On a page load only: a POST may be a server action that signs out, and a fetch by the page's router (a
  // prefetch) may still be in flight when the sign-out has cleared the cookie; neither may bring it back.
  // Never on a page from the route cache (csp null): a shared cache must not keep a cookie with it; the
  // header's question to /api/shopper refreshes it there.
  if (csp && !malformed && cookie && request.method === "GET" && isPageLoad(request.headers))
    response.cookies.set(cookie.name, cookie.value, refreshedSessionCookieOptions());
  return response;
}

/** The product API's answer to another method than GET or HEAD (OPTIONS as Next.js answers it: 204). */
function refuseWrite(method: string): Response {
  const headers = { Allow: "GET, HEAD, OPTIONS" };
  if (method === "OPTIONS") return new NextResponse(null, { status: 204, headers });
  return jsonError("method_not_allowed", "This address answers GET, HEAD and OPTIONS only.", { headers });
}

/** A path no page or route serves, so rendering it renders app/not-found.tsx, per request (app/[...missing]). */
const MALFORMED_PAGE = "/404";

// Every path outside /api, /_next, /media and /favicon.ico (pages, and the route handlers that live among
// them: robots.txt, the sitemaps, /signin/confirm/continue), the complement of NON_PAGE_SOURCES in
// lib/http/security-headers.ts, which next.config.ts gives the resources' CSP; but not the pages served from
// the route cache (`/`, `/products/<slug>`, `/categories/<slug>`: lib/page-cache/cached-paths.ts), for which
// the proxy has nothing to do and would cost a third of their speed. A category with a listing query
// (`?q=`, `?sort=`, `?page=`, `?pageSize=`) is rendered per request and comes here. Any path with a `%`
// (matched on the raw path) comes here: it may be malformed. So do the product API's requests the server marks
// (lib/page-cache/proxy-mark.ts): other methods than GET and HEAD, and answers this process holds in memory.
export const config = {
  matcher: [
    "/((?!api/|_next/|media/|favicon.ico|products/[^/]+$|categories/[^/]+$).+)",
    "/(.*%.*)",
    // PROXY_MARK_HEADER (lib/page-cache/proxy-mark.ts; a literal: Next.js reads this config without running it).
    { source: "/api/products/:slug", has: [{ type: "header", key: "x-brisk-proxy" }] },
    { source: "/categories/:slug", has: [{ type: "query", key: "q" }] },
    { source: "/categories/:slug", has: [{ type: "query", key: "sort" }] },
    { source: "/categories/:slug", has: [{ type: "query", key: "page" }] },
    { source: "/categories/:slug", has: [{ type: "query", key: "pageSize" }] },
  ],
};
