/**
 * The pages served from the route cache: rendered once for everyone, with no per-request server work, so
 * they carry no nonce and get their CSP from the cache entry (lib/page-cache/next-handler.ts), not from
 * the proxy. Every other page renders per request with a nonce policy.
 *
 * - The home page is rendered by `app/storefront/[page]` (the proxy rewrites `/` to {@link HOME_ROUTE}): as
 *   a route with a parameter and no pages listed for the build, it is rendered on its first view instead of
 *   during `next build`, which then needs no database. Its canonical address is `/`.
 * - A category without a query string is cached; with one (`?sort=&page=`) the proxy rewrites it to
 *   `/categories/<slug>/filtered`, rendered per request ({@link pageRoute}).
 */
export const HOME_ROUTE = "/storefront/home";

const PRODUCT_PAGE = /^\/products\/[^/]+\/?$/;
const CATEGORY_PAGE = /^\/categories\/([^/]+)\/?$/;

/** Whether the page at this path (and query string, `?…` or empty) is served from the route cache. */
export function isCachedPagePath(pathname: string, search: string): boolean {
  if (pathname === "/" || pathname === HOME_ROUTE || PRODUCT_PAGE.test(pathname)) return true;
  return CATEGORY_PAGE.test(pathname) && (search === "" || search === "?");
}

/** The route that renders a page address, when it is not the address itself; null otherwise. */
export function pageRoute(pathname: string, search: string): string | null {
  if (pathname === "/") return HOME_ROUTE + search;
  const category = CATEGORY_PAGE.exec(pathname);
  if (category && search !== "" && search !== "?") return `/categories/${category[1]}/filtered${search}`;
  return null;
}
