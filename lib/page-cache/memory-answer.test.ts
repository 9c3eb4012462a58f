import { randomUUID } from "node:crypto";
import Redis from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { env } from "../env";
import { waitFor } from "@/tests/support/wait";
import { createCache } from "../cache";
import { packPage } from "./codec";
import { answerFromMemory } from "./memory-answer";
import { PageStore } from "./page-store";
import { noteKey, openProcessPages, type ProcessPages } from "./process-pages";

// The route cache of this test's process, over a cache on the test Redis, as next-handler.ts opens it.
const redis = new Redis(env.CACHE_REDIS_URL, { enableOfflineQueue: false, maxRetriesPerRequest: 1 });
const cache = createCache({
  redis: () => redis,
  subscriber: () => redis.duplicate(),
  keyPrefix: `memory-answer-test:${randomUUID()}:`,
});
/** The start Next.js 16 gives the product API's keys in the route cache. */
const KEY_START = "/route-cache/APP_ROUTE/9f2c/$";
const PATH = "/api/products/blue-shirt";

const productAnswer = (headers: Record<string, string | undefined> = {}) => ({
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
});

/** Next.js' first request of a key: a miss, the render handed over, then served from the route cache. */
async function keep(pages: ProcessPages, key: string, answer: object): Promise<void> {
  noteKey(pages, key);
  expect(await pages.store.get(key)).toBeNull();
  expect(pages.store.set(key, { value: packPage(answer), tags: ["product:1"] })).toBe(true);
  await waitFor(async () => (await pages.store.get(key)) !== null, 5_000, "the answer to be stored");
}

let pages: ProcessPages;

beforeAll(async () => {
  await waitFor(() => redis.status === "ready", 5_000, "the client to connect");
  // The L1 is used once its invalidation channel is up; the channel opens with the first read.
  await cache.getOrSet({ key: "warm-up", ttl: 60, load: async () => 0 });
  await waitFor(() => cache.l1Active(), 5_000, "the invalidation channel");
});

afterAll(async () => {
  await cache.close();
  redis.disconnect();
});

describe("the product API answered from memory", () => {
  it("answers nothing before Next.js has opened the route cache and asked it for a product answer", async () => {
    expect(answerFromMemory("GET", PATH)).toBeNull();
    pages = openProcessPages(() => new PageStore(cache, "build-1"));
    await pages.store.get("/route-cache/APP_PAGE/77aa/$/products/blue-shirt"); // a page's key teaches nothing
    expect(answerFromMemory("GET", PATH)).toBeNull();
  });

  it("answers GET and HEAD as Next.js sends the kept answer", async () => {
    await keep(pages, KEY_START + PATH, productAnswer());
    const expected = {
      "content-type": "application/json",
      "cache-control": "no-store",
      "x-cache": "HIT",
      "x-nextjs-cache": "HIT",
    };
    const get = answerFromMemory("GET", PATH)!;
    expect(get.status).toBe(200);
    expect(Object.fromEntries(get.headers)).toEqual(expected);
    expect(await get.json()).toEqual({ product: { slug: "blue-shirt" } });
    const head = answerFromMemory("HEAD", PATH)!;
    expect([head.status, Object.fromEntries(head.headers), await head.text()]).toEqual([200, expected, ""]);
  });

  it("leaves to Next.js other methods, other paths, and an answer without a Cache-Control of its own", async () => {
    for (const method of ["POST", "DELETE", "OPTIONS"]) expect(answerFromMemory(method, PATH), method).toBeNull();
    expect(answerFromMemory("GET", "/api/products/red-shirt")).toBeNull(); // not kept
    expect(answerFromMemory("GET", "/products/blue-shirt")).toBeNull();
    const plain = "/api/products/plain-shirt";
    await keep(pages, KEY_START + plain, productAnswer({ "cache-control": undefined }));
    expect(answerFromMemory("GET", plain)).toBeNull();
  });

  it("stops answering once the answer's data is invalidated", async () => {
    expect(answerFromMemory("GET", PATH)).not.toBeNull();
    await pages.store.invalidateTags(["product:1"]);
    expect(answerFromMemory("GET", PATH)).toBeNull();
  });
});
