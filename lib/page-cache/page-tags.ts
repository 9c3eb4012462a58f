import { workUnitAsyncStorage } from "next/dist/server/app-render/work-unit-async-storage.external";

/**
 * Tags the page being rendered for the route cache with the tags of the data it read, so that the same
 * invalidation that makes the data stale (lib/cache's `invalidateTags`) makes the page stale too: one tag
 * system, no list of which page shows what kept by hand. Next.js collects a render's tags this way for
 * `fetch(…, { next: { tags } })` and `unstable_cache`; lib/cache is neither, so its reads add their tags to
 * the same collection. Outside a render for the route cache (a route handler, a per-request page) there
 * is nothing to tag and this does nothing.
 */
export function tagRenderedPage(tags: readonly string[]): void {
  if (tags.length === 0) return;
  const store = renderForRouteCache();
  if (!store) return;
  const collected = (store.tags ??= []);
  for (const tag of tags) if (!collected.includes(tag)) collected.push(tag);
}

/**
 * Shortens the life of the page being rendered for the route cache to at most `seconds`: for a page showing
 * data that changes without a write to invalidate it (trending), cached for a short time. Next.js keeps
 * the shortest life a render asks for (as `fetch`'s `revalidate` does) and hands it to the route cache with
 * the page (page-store.ts keeps the page that long). Outside such a render it does nothing.
 */
export function limitRenderedPageLife(seconds: number): void {
  const store = renderForRouteCache();
  if (store) store.revalidate = Math.min(store.revalidate, seconds);
}

/** The work unit of a render whose result goes to the route cache (a prerender of any kind), or null. */
function renderForRouteCache() {
  const store = workUnitAsyncStorage.getStore();
  switch (store?.type) {
    case "prerender":
    case "prerender-legacy":
    case "prerender-runtime":
    case "prerender-client":
      return store;
    default:
      return null;
  }
}
