import Redis from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ThrowawayRedis } from "@/tests/support/redis-server";
import { waitFor } from "@/tests/support/wait";
import { createCache, type Cache } from "../cache";
import { PageStore, type StoredPage } from "./page-store";

// The route cache's storage across instances: two caches sharing one Redis stand for two standalone servers
// (each with its own L1, kept coherent over pub/sub), as the app wires them.
let server: ThrowawayRedis;
const clients: Redis[] = [];
const caches: Cache[] = [];

function client(url: string): Redis {
  const redis = new Redis(url, { enableOfflineQueue: false, maxRetriesPerRequest: 1, retryStrategy: () => 50 });
  redis.on("error", () => undefined);
  clients.push(redis);
  return redis;
}

async function instance(url: string, namespace = "build-1"): Promise<{ cache: Cache; pages: PageStore }> {
  const redis = client(url);
  await waitFor(() => redis.status === "ready", 5_000, "the client to connect");
  const cache = createCache({ redis: () => redis, subscriber: () => client(url), keyPrefix: "pages-test:" });
  caches.push(cache);
  return { cache, pages: new PageStore(cache, namespace, { renderWaitMs: 2_000, joinWaitMs: 1_000 }) };
}

const page = (html: string, tags = ["product:1"]): StoredPage => ({ value: html, tags });

beforeAll(async () => {
  server = await ThrowawayRedis.start();
});

afterAll(async () => {
  for (const cache of caches) await cache.close();
  for (const redis of clients) redis.disconnect();
  await server.destroy();
});

describe("the route cache's storage", () => {
  it("renders a cold page once for 500 concurrent views over two instances, and serves that render to all", async () => {
    const [a, b] = [await instance(server.url), await instance(server.url)];
    const views = Array.from({ length: 500 }, (_, i) => (i % 2 ? b : a).pages.get("/products/cold"));
    // Whoever is told to render (null) renders and hands the page over, as Next.js does.
    let renders = 0;
    const answers = views.map((view, i) =>
      view.then((stored) => {
        if (stored) return stored;
        renders++;
        (i % 2 ? b : a).pages.set("/products/cold", page("<p>cold</p>"));
        return "rendered here";
      }),
    );
    const settled = await Promise.all(answers);
    expect(renders).toBe(1);
    expect(
      settled.filter((answer) => answer !== "rendered here").map((answer) => (answer as StoredPage).value),
    ).toEqual(Array(499).fill("<p>cold</p>"));
  });

  it("makes a page stale on every instance when its data's tag is invalidated", async () => {
    const [a, b] = [await instance(server.url), await instance(server.url)];
    expect(await a.pages.get("/products/shirt")).toBeNull();
    expect(a.pages.set("/products/shirt", page("<p>€10</p>", ["product:7", "listings"]))).toBe(true);
    expect((await b.pages.get("/products/shirt"))?.value).toEqual("<p>€10</p>");
    // Both in memory too (each instance's L1), as a busy instance would be.
    await waitFor(() => a.cache.l1Active() && b.cache.l1Active(), 5_000, "both invalidation channels");
    for (const { pages } of [a, b, a, b]) {
      expect((await pages.get("/products/shirt"))?.value).toEqual("<p>€10</p>");
    }

    // A catalog write invalidates the product's data tag through the data's cache: the page goes with it.
    // (B's memory copy goes when the invalidation message reaches it, a moment after the write returns.)
    await a.cache.invalidateTags("product:7");
    await waitFor(async () => (await b.pages.get("/products/shirt")) === null, 2_000, "B to render the page again");
    b.pages.set("/products/shirt", page("<p>€12</p>", ["product:7", "listings"]));
    expect((await a.pages.get("/products/shirt"))?.value).toEqual("<p>€12</p>");
    // A tag the page does not carry leaves it alone.
    await b.cache.invalidateTags("product:8");
    expect((await a.pages.get("/products/shirt"))?.value).toEqual("<p>€12</p>");
  });

  it("keeps a page as long as its render asked for (Next.js' revalidate), and at most an hour", async () => {
    const { pages } = await instance(server.url);
    const admin = client(server.url);
    await waitFor(() => admin.status === "ready", 5_000, "the admin client to connect");
    const stored = async (key: string, cacheControl?: unknown) => {
      expect(await pages.get(key)).toBeNull();
      expect(pages.set(key, { ...page(`<p>${key}</p>`), cacheControl })).toBe(true);
      await waitFor(async () => (await pages.get(key))?.value === `<p>${key}</p>`, 2_000, `${key} stored`);
      return admin.pttl(`pages-test:cache:page:build-1:${key}`);
    };
    expect(await stored("/products?sort=trending", { revalidate: 60, expire: undefined })).toBeLessThanOrEqual(66_000);
    const hour = await stored("/products/a-week", { revalidate: 7 * 24 * 3600, expire: undefined });
    expect(hour).toBeGreaterThan(3_000_000);
    expect(hour).toBeLessThanOrEqual(3_960_000);
    expect(await stored("/products/forever", { revalidate: false, expire: undefined })).toBeGreaterThan(3_000_000);
  });

  it("keeps one build's pages from another's", async () => {
    const [old, next] = [await instance(server.url, "build-1"), await instance(server.url, "build-2")];
    expect(await old.pages.get("/")).toBeNull();
    expect(old.pages.set("/", page("<script src=/_next/old.js></script>"))).toBe(true);
    expect((await old.pages.get("/"))?.value).toBe("<script src=/_next/old.js></script>");
    expect(await next.pages.get("/")).toBeNull();
  });

  it("keeps no render it is told to discard (a 404), and lets the next view render at once", async () => {
    const { pages } = await instance(server.url);
    expect(await pages.get("/products/missing")).toBeNull();
    pages.discard("/products/missing");
    expect(await pages.get("/products/missing")).toBeNull();
    expect(pages.set("/products/missing", page("<p>now it exists</p>"))).toBe(true);
    expect((await pages.get("/products/missing"))?.value).toEqual("<p>now it exists</p>");
  });

  it("does not store a render nobody here asked for", async () => {
    const { pages } = await instance(server.url);
    expect(pages.set("/signin", page("<form></form>"))).toBe(false);
    expect(await pages.get("/signin")).toBeNull();
  });

  it("lets the next view render at once when a render ended without a page, here or on another instance", async () => {
    const [a, b] = [await instance(server.url), await instance(server.url)];
    expect(await a.pages.get("/products/broken")).toBeNull(); // its render fails: no set
    const startedAt = performance.now();
    expect(await a.pages.get("/products/broken")).toBeNull(); // the next view here renders, without waiting
    expect(performance.now() - startedAt).toBeLessThan(500);
    expect(a.pages.set("/products/broken", page("<p>second try</p>"))).toBe(true);
    expect((await b.pages.get("/products/broken"))?.value).toEqual("<p>second try</p>");

    // On another instance, a failed render holds the key's lock until its wait runs out (renderWaitMs).
    expect(await a.pages.get("/products/broken-2")).toBeNull();
    const waitedFrom = performance.now();
    expect(await b.pages.get("/products/broken-2")).toBeNull();
    expect(performance.now() - waitedFrom).toBeLessThan(5_000);
  });

  it("renders while Redis is down, without waiting for Redis, and shares that render with concurrent views", async () => {
    const down = await ThrowawayRedis.start();
    const { pages } = await instance(down.url);
    await down.kill();
    const startedAt = performance.now();
    let renders = 0;
    const views = await Promise.all(
      Array.from({ length: 3 }, () =>
        pages.get("/products/outage").then((stored) => {
          if (stored) return stored.value;
          renders++;
          pages.set("/products/outage", page("<p>from PostgreSQL</p>"));
          return "rendered here";
        }),
      ),
    );
    expect(renders).toBe(1);
    expect(views.filter((view) => view !== "rendered here")).toEqual(Array(2).fill("<p>from PostgreSQL</p>"));
    expect(performance.now() - startedAt).toBeLessThan(5_000);
    await down.destroy();
  });
});
