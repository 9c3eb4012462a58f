/**
 * The pages served from the route cache: rendered once for everyone, with no per-request server work, so
 * they carry no nonce and get their CSP from the cache entry (lib/page-cache/next-handler.ts), not from
 * the proxy. Every other page renders per request with a nonce policy.
 *
 * - The home page is rendered by `app/storefront/[page]` (next.config.ts rewrites `/` to {@link HOME_ROUTE}): as
 *   a route with a parameter and no pages listed for the build, it is rendered on its first view instead of
 *   during `next build`, which then needs no database. Its canonical address is `/`.
 * - A category without a listing query is cached; with one (`?q=`, `?sort=`, `?page=`, `?pageSize=`) the
 *   proxy rewrites it to `/categories/<slug>/filtered`, rendered per request ({@link pageRoute}); any other
 *   query string is ignored, as the cached page would.
 */
export const HOME_ROUTE = "/storefront/home";

const PRODUCT_PAGE = /^\/products\/[^/]+\/?$/;
const CATEGORY_PAGE = /^\/categories\/([^/]+)\/?$/;

/** A category's query string that makes it a listing rendered per request. */
const LISTING_QUERY = ["q", "sort", "page", "pageSize"];

/**
 * Whether the page at this path (and query string, `?…` or empty) is served from the route cache. The
 * proxy does not even run for these (its matcher in proxy.ts says the same in its own terms).
 */
export function isCachedPagePath(pathname: string, search: string): boolean {
  if (pathname === "/" || pathname === HOME_ROUTE || PRODUCT_PAGE.test(pathname)) return true;
  return CATEGORY_PAGE.test(pathname) && !hasListingQuery(search);
}

function hasListingQuery(search: string): boolean {
  const params = new URLSearchParams(search);
  return LISTING_QUERY.some((key) => params.has(key));
}

/** The route that renders a page address, when the proxy rewrites it (`/` is next.config.ts'); null otherwise. */
export function pageRoute(pathname: string, search: string): string | null {
  const category = CATEGORY_PAGE.exec(pathname);
  if (category && hasListingQuery(search)) return `/categories/${category[1]}/filtered${search}`;
  return null;
}
