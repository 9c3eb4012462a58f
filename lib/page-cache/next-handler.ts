import { readFileSync } from "node:fs";
import path from "node:path";
import type { CacheHandler, CacheHandlerContext, CacheHandlerValue } from "next/dist/server/lib/incremental-cache";
import { cache } from "../cache";
import { env } from "../env";
import { cachedPageCsp } from "../http/security-headers";
import { metrics } from "../metrics/registry";
import { packPage } from "./codec";
import { PageStore } from "./page-store";
import { CACHE_TAGS_HEADER, noteKey, openProcessPages, unpackedPage, type ProcessPages } from "./process-pages";
import { inlineScriptHashes } from "./script-hashes";

type Value = Parameters<CacheHandler["set"]>[1];
type SetContext = Parameters<CacheHandler["set"]>[2];

/** Tags Next.js derives from the path (`_N_T_/…`): Brisk invalidates by its data's tags, not by path. */
const IMPLICIT_TAG = /^_N_T_/;
const X_CACHE_HEADER = "x-cache";

/** The build's id, so that a deploy never serves pages whose scripts the previous build had. */
function buildId(ctx: CacheHandlerContext): string {
  try {
    return readFileSync(path.join(ctx.serverDistDir ?? ".next/server", "..", "BUILD_ID"), "utf8").trim();
  } catch {
    return "development";
  }
}

/**
 * Next.js' route cache (`cacheHandler` in next.config.ts), stored by lib/cache in Redis: see page-store.ts.
 * Next.js loads this file on its own, outside its bundles, so it is compiled to
 * lib/generated/page-cache-handler.cjs (scripts/build/page-cache-handler.ts); it shares the app's lib/cache
 * instance and Redis connections (lib/global-singleton.ts).
 *
 * A page stored here is served to everyone, so its HTML carries no nonce: its CSP allows exactly its own
 * inline scripts by hash (lib/http/security-headers.ts `cachedPageCsp`), set on the entry's headers here,
 * before Next.js sends the first response from the same object.
 */
export default class PageCacheHandler {
  private readonly pages: ProcessPages;

  /** Next.js makes a handler per request: what outlives one (renders awaited, unpacked pages) is the process's. */
  constructor(ctx: CacheHandlerContext) {
    this.pages = openProcessPages(
      () => new PageStore(cache, buildId(ctx), { onRender: (outcome) => metrics.pageRenders.inc({ outcome }) }),
    );
  }

  async get(key: string): Promise<CacheHandlerValue | null> {
    if (env.PAGE_CACHE === "off") return null;
    noteKey(this.pages, key);
    const page = await this.pages.store.get(key);
    if (!page) return null;
    const value = unpackedPage(this.pages, page) as CacheHandlerValue["value"];
    // Fresh as long as lib/cache keeps it: its tags, not its age, say when it is stale.
    return { lastModified: Date.now(), value, cacheControl: page.cacheControl as CacheHandlerValue["cacheControl"] };
  }

  async set(key: string, data: Value, ctx: SetContext): Promise<void> {
    if (!data) return;
    // On every page this handler sees, stored or not: the proxy sends no policy for these paths.
    if (data.kind === "APP_PAGE" && typeof data.html === "string") {
      data.headers = { ...data.headers, "content-security-policy": cachedPageCsp(inlineScriptHashes(data.html)) };
    }
    // A 404 is not kept: any address may ask for one, and they would crowd real pages out of Redis. Nor is
    // an error a route handler answered (a 503 while PostgreSQL is down): the next request tries again.
    if (env.PAGE_CACHE === "off" || ("status" in data && typeof data.status === "number" && data.status >= 400)) {
      this.pages.store.discard(key);
      return;
    }
    const headerTags = "headers" in data ? data.headers?.[CACHE_TAGS_HEADER] : undefined;
    const tags = new Set([
      ...("tags" in ctx && Array.isArray(ctx.tags) ? ctx.tags : []),
      ...(typeof headerTags === "string" ? headerTags.split(",") : []),
    ]);
    this.pages.store.set(key, {
      value: packPage(servedFromCache(data)),
      tags: [...tags].filter((tag) => tag && !IMPLICIT_TAG.test(tag)),
      cacheControl: "cacheControl" in ctx ? ctx.cacheControl : undefined,
    });
  }

  /**
   * Next.js' `revalidateTag`, and `revalidatePath` (its path tags, which Brisk's pages are not stored under:
   * the server actions' `revalidatePath` calls refresh pages rendered per request and need nothing here).
   */
  async revalidateTag(tags: string | string[]): Promise<void> {
    const dataTags = (Array.isArray(tags) ? tags : [tags]).filter((tag) => !IMPLICIT_TAG.test(tag));
    if (dataTags.length > 0) await this.pages.store.invalidateTags(dataTags);
  }

  resetRequestCache(): void {}
}

/**
 * The entry as every later request gets it: an answer that says how it was obtained (`X-Cache`, the product
 * API) says HIT from now on. A copy: Next.js sends the first answer, the render's own, from `data`.
 */
function servedFromCache(data: NonNullable<Value>): NonNullable<Value> {
  if (!("headers" in data) || !data.headers?.[X_CACHE_HEADER]) return data;
  return { ...data, headers: { ...data.headers, [X_CACHE_HEADER]: "HIT" } };
}
