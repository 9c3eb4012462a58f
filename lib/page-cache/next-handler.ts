import { readFileSync } from "node:fs";
import path from "node:path";
import type { CacheHandler, CacheHandlerContext, CacheHandlerValue } from "next/dist/server/lib/incremental-cache";
import { cache } from "../cache";
import { cachedPageCsp } from "../http/security-headers";
import { decodeFromCache, encodeForCache } from "./codec";
import { PageStore } from "./page-store";
import { inlineScriptHashes } from "./script-hashes";

type Value = Parameters<CacheHandler["set"]>[1];
type SetContext = Parameters<CacheHandler["set"]>[2];

/** Tags Next.js derives from the path (`_N_T_/…`): Brisk invalidates by its data's tags, not by path. */
const IMPLICIT_TAG = /^_N_T_/;
const CACHE_TAGS_HEADER = "x-next-cache-tags";

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
  private readonly store: PageStore;

  constructor(ctx: CacheHandlerContext) {
    this.store = new PageStore(cache, buildId(ctx));
  }

  async get(key: string): Promise<CacheHandlerValue | null> {
    const page = await this.store.get(key);
    if (!page) return null;
    // Fresh as long as lib/cache keeps it: its tags, not its age, say when it is stale.
    return {
      lastModified: Date.now(),
      value: decodeFromCache(page.value) as CacheHandlerValue["value"],
      cacheControl: page.cacheControl as CacheHandlerValue["cacheControl"],
    };
  }

  async set(key: string, data: Value, ctx: SetContext): Promise<void> {
    if (!data) return;
    if (data.kind === "APP_PAGE" && typeof data.html === "string") {
      data.headers = { ...data.headers, "content-security-policy": cachedPageCsp(inlineScriptHashes(data.html)) };
    }
    const headerTags = "headers" in data ? data.headers?.[CACHE_TAGS_HEADER] : undefined;
    const tags = new Set([
      ...("tags" in ctx && Array.isArray(ctx.tags) ? ctx.tags : []),
      ...(typeof headerTags === "string" ? headerTags.split(",") : []),
    ]);
    this.store.set(key, {
      value: encodeForCache(data),
      tags: [...tags].filter((tag) => tag && !IMPLICIT_TAG.test(tag)),
      cacheControl: "cacheControl" in ctx ? ctx.cacheControl : undefined,
    });
  }

  async revalidateTag(tags: string | string[]): Promise<void> {
    await this.store.invalidateTags(Array.isArray(tags) ? tags : [tags]);
  }

  resetRequestCache(): void {}
}
