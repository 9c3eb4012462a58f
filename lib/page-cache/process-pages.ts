import { existingSingleton, globalSingleton } from "../global-singleton";
import { cachedApiKeyPrefix } from "./cached-paths";
import { unpackPage } from "./codec";
import type { PageStore, StoredPage } from "./page-store";

/** What the route cache keeps per process, made once by its handler (next-handler.ts). */
export interface ProcessPages {
  store: PageStore;
  /**
   * The most recently served pages unpacked, by the stored object lib/cache's L1 hands out again and again
   * (a page is unpacked once while it stays popular, and memory stays bounded).
   */
  unpacked: Map<StoredPage, unknown>;
  /** The start of the keys Next.js gives the product API's answers, once it has asked for one ({@link noteKey}). */
  apiKeyPrefix?: string;
}

/** Next.js' header for the tags an answer was stored under; it never sends it. */
export const CACHE_TAGS_HEADER = "x-next-cache-tags";

const NAME = "page-cache";
/** Unpacked pages kept for the next view (a product page unpacked is about 90 KB: at most about 45 MB). */
const UNPACKED_PAGES = 500;

/** The process's route cache, made by `open` the first time. */
export function openProcessPages(open: () => PageStore): ProcessPages {
  return globalSingleton(NAME, () => ({ store: open(), unpacked: new Map() }));
}

/** The process's route cache if Next.js has opened it (its handler is made on the first cached request). */
export function openedProcessPages(): ProcessPages | undefined {
  return existingSingleton<ProcessPages>(NAME);
}

/**
 * Learns from a key Next.js asks the route cache for how it names the product API's answers, so that an
 * answer can be found by its path alone (memory-answer.ts) without copying Next.js' key format.
 */
export function noteKey(pages: ProcessPages, key: string): void {
  if (pages.apiKeyPrefix === undefined) pages.apiKeyPrefix = cachedApiKeyPrefix(key);
}

/** What Next.js stored for `page`, unpacked once while it stays among the most recently served. */
export function unpackedPage(pages: ProcessPages, page: StoredPage): unknown {
  const { unpacked } = pages;
  let value = unpacked.get(page);
  if (value === undefined) value = unpackPage(page.value);
  unpacked.delete(page);
  unpacked.set(page, value);
  if (unpacked.size > UNPACKED_PAGES) unpacked.delete(unpacked.keys().next().value!);
  return value;
}
