import { randomUUID } from "node:crypto";
import Redis from "ioredis";
import { expect } from "vitest";
import { createCache } from "@/lib/cache";
import { env } from "@/lib/env";
import { packPage } from "@/lib/page-cache/codec";
import { PageStore } from "@/lib/page-cache/page-store";
import { noteKey, openProcessPages, type ProcessPages } from "@/lib/page-cache/process-pages";
import { waitFor } from "./wait";

/** The start Next.js 16 gives the product API's keys in the route cache. */
export const API_KEY_START = "/route-cache/APP_ROUTE/9f2c/$";

/**
 * This test process's route cache, as next-handler.ts opens it, over a cache on the test Redis (keys of its
 * own) whose L1 is in use; `close` ends its connections.
 */
export async function openTestPages(): Promise<{ pages: ProcessPages; close: () => Promise<void> }> {
  const redis = new Redis(env.CACHE_REDIS_URL, { enableOfflineQueue: false, maxRetriesPerRequest: 1 });
  const cache = createCache({
    redis: () => redis,
    subscriber: () => redis.duplicate(),
    keyPrefix: `process-pages-test:${randomUUID()}:`,
  });
  await waitFor(() => redis.status === "ready", 5_000, "the client to connect");
  // The L1 is used once its invalidation channel is up; the channel opens with the first read.
  await cache.getOrSet({ key: "warm-up", ttl: 60, load: async () => 0 });
  await waitFor(() => cache.l1Active(), 5_000, "the invalidation channel");
  const pages = openProcessPages(() => new PageStore(cache, "build-1"));
  const close = async () => {
    await cache.close();
    redis.disconnect();
  };
  return { pages, close };
}

/** A product answer as Next.js keeps it: tagged `product:1`, with `headers` over the handler's own. */
export function productAnswer(headers: Record<string, string | undefined> = {}) {
  return {
    kind: "APP_ROUTE",
    status: 200,
    body: Buffer.from('{"product":{"slug":"blue-shirt"}}'),
    headers: {
      "content-type": "application/json",
      "cache-control": "no-store",
      "x-cache": "HIT",
      "x-next-cache-tags": "product:1",
      ...headers,
    },
  };
}

/** Next.js' first request of `path`: a miss, the render handed over, then served from the route cache. */
export async function keepAnswer(pages: ProcessPages, path: string, answer = productAnswer()): Promise<void> {
  const key = API_KEY_START + path;
  noteKey(pages, key);
  expect(await pages.store.get(key)).toBeNull();
  expect(pages.store.set(key, { value: packPage(answer), tags: ["product:1"] })).toBe(true);
  await waitFor(async () => (await pages.store.get(key)) !== null, 5_000, "the answer to be stored");
}
