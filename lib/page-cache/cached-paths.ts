/**
 * The pages served from the route cache: rendered once for everyone, with no per-request server work, so
 * they carry no nonce and get their CSP from the cache entry (lib/page-cache/next-handler.ts), not from
 * the proxy. Every other page renders per request with a nonce policy.
 *
 * The home page is rendered by `app/storefront/[page]` (the proxy rewrites `/` to {@link HOME_ROUTE}): as
 * a route with a parameter and no pages listed for the build, it is rendered on its first view instead of
 * during `next build`, which then needs no database. Its canonical address is `/`.
 */
export const HOME_ROUTE = "/storefront/home";

const PRODUCT_PAGE = /^\/products\/[^/]+\/?$/;

export function isCachedPagePath(pathname: string): boolean {
  return pathname === "/" || pathname === HOME_ROUTE || PRODUCT_PAGE.test(pathname);
}
