import Redis from "ioredis";
import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ThrowawayRedis } from "@/tests/support/redis-server";
import { commandCounts } from "@/tests/support/redis-commands";
import { readJson } from "@/tests/support/routes";
import { waitFor } from "@/tests/support/wait";

// Recently viewed and trending through their routes, on a Redis of the test's own (trending is one
// set of keys for the whole store, and the test counts the commands Redis runs).
let server: ThrowawayRedis;
let admin: Redis;
let modules: {
  shopper: typeof import("@/app/api/shopper/route");
  summaries: typeof import("@/app/api/product-summaries/route");
  trendingRoute: typeof import("@/app/api/trending/route");
  productsRoute: typeof import("@/app/api/products/route");
  cache: typeof import("@/lib/cache");
  trending: typeof import("@/lib/activity/trending");
  viewCounts: typeof import("@/lib/activity/view-counts");
  keys: typeof import("@/lib/activity/keys");
  mutations: typeof import("@/lib/catalog/mutations");
  db: typeof import("@/lib/db");
  clients: typeof import("@/lib/redis/clients");
};
let products: Product[];
type Product = { id: number; slug: string };
/** Not a product: what the slug of a deleted product looks like. */
const NO_SUCH_PRODUCT: Product = { id: 0, slug: "no-such-product-anywhere" };

beforeAll(async () => {
  server = await ThrowawayRedis.start();
  process.env.REDIS_URL = server.url;
  process.env.CACHE_REDIS_URL = server.url;
  admin = new Redis(server.url);
  modules = {
    shopper: await import("@/app/api/shopper/route"),
    summaries: await import("@/app/api/product-summaries/route"),
    trendingRoute: await import("@/app/api/trending/route"),
    productsRoute: await import("@/app/api/products/route"),
    cache: await import("@/lib/cache"),
    trending: await import("@/lib/activity/trending"),
    viewCounts: await import("@/lib/activity/view-counts"),
    keys: await import("@/lib/activity/keys"),
    mutations: await import("@/lib/catalog/mutations"),
    db: await import("@/lib/db"),
    clients: await import("@/lib/redis/clients"),
  };
  products = await modules.db.db.product.findMany({
    where: { status: "ACTIVE" },
    select: { id: true, slug: true },
    orderBy: { id: "asc" },
    take: 6,
  });
});

afterAll(async () => {
  admin.disconnect();
  await Promise.all([modules.db.db.$disconnect(), modules.clients.closeRedisClients()]);
  await server.destroy();
});

const BROWSER = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0 Safari/537.36";

/** A browser on product pages: its visitor cookie carried from one view to the next. */
class Shopper {
  visitor: string | null = null;
  constructor(private readonly userAgent = BROWSER) {}

  /** The header's question from a product page: `search` is the query string (`viewing=<slug>`). */
  async view(search: string, origin?: string): Promise<Response> {
    const headers = new Headers({ "user-agent": this.userAgent });
    if (origin) headers.set("origin", origin);
    if (this.visitor) headers.set("cookie", `brisk_visitor=${this.visitor}`);
    const request = new NextRequest(`http://localhost:3000/api/shopper?${search}`, { method: "POST", headers });
    const response = await modules.shopper.POST(request);
    const cookie = /brisk_visitor=([^;]+)/.exec(response.headers.get("set-cookie") ?? "")?.[1];
    if (cookie) this.visitor = cookie;
    return response;
  }

  /** The header's answer on this product's page: its `recentlyViewed`, as product ids (null: not recorded). */
  async viewed(product: Product): Promise<number[] | null> {
    const response = await this.view(`viewing=${product.slug}`);
    expect(response.status).toBe(200);
    const answer = await readJson<{ account: unknown; recentlyViewed: number[] | null }>(response);
    expect(answer.account).toBeNull(); // the header's part of the answer is there too
    return answer.recentlyViewed;
  }
}

/** What the row shows for these ids (GET /api/product-summaries), as product ids. */
async function shown(ids: number[]): Promise<number[]> {
  const url = `http://localhost:3000/api/product-summaries?ids=${ids.join(",")}`;
  const response = await modules.summaries.GET(new NextRequest(url));
  expect(response.status).toBe(200);
  expect(response.headers.get("cache-control")).toBe("public, max-age=60");
  return (await readJson<{ products: Product[] }>(response)).products.map((product) => product.id);
}

const viewsNow = (productId: number) =>
  admin.zscore(modules.keys.activityKeys.views(modules.keys.hourOf(Date.now())), String(productId));

describe("recording a view", () => {
  it("gives a browser a visitor cookie and answers its other recently viewed products, newest first", async () => {
    const shopper = new Shopper();
    const [a, b, c] = products;
    expect(await shopper.viewed(a)).toEqual([]);
    expect(shopper.visitor).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(await shopper.viewed(b)).toEqual([a.id]);
    expect(await shopper.viewed(c)).toEqual([b.id, a.id]);
    expect(await shopper.viewed(a)).toEqual([c.id, b.id]);
  });

  it("shows no product archived since it was viewed, and records no view of one", async () => {
    const shopper = new Shopper();
    const [a, b, c] = [products[0], products[5], products[1]];
    await shopper.viewed(a);
    expect(await shopper.viewed(b)).toEqual([a.id]);
    try {
      await modules.mutations.updateProductDetails(b.id, { status: "archived" });
      const ids = await shopper.viewed(c);
      expect(ids).toEqual([b.id, a.id]);
      expect(await shown(ids!)).toEqual([a.id]);
      expect(await shopper.viewed(b)).toBeNull();
    } finally {
      await modules.mutations.updateProductDetails(b.id, { status: "active" });
    }
    const ids = await shopper.viewed(a);
    expect(ids).toEqual([c.id, b.id]);
    expect(await shown(ids!)).toEqual([c.id, b.id]);
  });

  it("answers summaries for at most 24 product ids, refusing anything else with the JSON error", async () => {
    const tooMany = Array.from({ length: 25 }, (_, i) => i + 1).join(",");
    for (const ids of ["", "a", "1,,2", "0", "-1", "1.5", "3000000000", tooMany]) {
      const response = await modules.summaries.GET(
        new NextRequest(`http://localhost:3000/api/product-summaries?ids=${ids}`),
      );
      expect(response.status, ids).toBe(400);
      expect(await readJson(response)).toEqual({ error: { code: "invalid_input", message: expect.any(String) } });
    }
    expect(await shown([products[2].id, 2_000_000_000, products[1].id])).toEqual([products[2].id, products[1].id]);
  });

  it("refuses bad input with the JSON error, and records no view of a product not for sale", async () => {
    const shopper = new Shopper();
    for (const search of ["", "viewing=", "viewing=Not%20a%20slug", "viewing=a%2Fb", "slug=a", "viewing=-a"]) {
      const response = await shopper.view(search);
      expect(response.status).toBe(400);
      expect(await readJson(response)).toEqual({ error: { code: "invalid_input", message: expect.any(String) } });
    }
    const forged = await shopper.view(`viewing=${products[0].slug}`, "https://elsewhere.example");
    expect(forged.status).toBe(403);
    expect(await shopper.viewed(NO_SUCH_PRODUCT)).toBeNull();
    expect(shopper.visitor).toBeNull(); // no viewer made for it
    expect(await shopper.viewed(products[0])).toEqual([]);
  });
});

describe("trending", () => {
  it("ranks a product viewed by many shoppers above one a single shopper reloads, and counts no bots", async () => {
    const [popular, reloaded] = products.slice(3, 5);
    for (let i = 0; i < 5; i++) await new Shopper().viewed(popular);
    const reloader = new Shopper();
    for (let i = 0; i < 20; i++) await reloader.viewed(reloaded);
    const crawler = new Shopper("Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)");
    for (let i = 0; i < 3; i++) expect(await crawler.viewed(reloaded)).toEqual([]);
    expect(crawler.visitor).toBeNull(); // no list kept for it, no cookie
    await modules.viewCounts.flushViewCounts();
    expect(await viewsNow(popular.id)).toBe("5");
    expect(await viewsNow(reloaded.id)).toBe("1");
    const ids = await modules.trending.readTrendingIds();
    expect(ids.indexOf(popular.id)).toBeGreaterThanOrEqual(0);
    expect(ids.indexOf(popular.id)).toBeLessThan(ids.indexOf(reloaded.id));
  });

  it("weighs an hour half as much as the one six hours later, sold units as three views, and forgets buckets", async () => {
    const [earlier, now, sold, expired] = [90_001, 90_002, 90_003, 90_004];
    const at = Date.parse("2026-06-01T12:30:00Z");
    const hours = (n: number) => at - n * 3_600_000;
    for (let i = 0; i < 3; i++) modules.viewCounts.countView(earlier, hours(12)); // 3 × 0.25
    modules.viewCounts.countView(now, at); // 1
    await modules.trending.countSold([{ productId: sold, quantity: 1 }], hours(6)); // 3 × 0.5
    for (let i = 0; i < 50; i++) modules.viewCounts.countView(expired, hours(24)); // out of the window
    await modules.viewCounts.flushViewCounts();
    expect(await modules.trending.readTrendingIds(16, at)).toEqual([sold, now, earlier]);
    const ttl = await admin.ttl(modules.keys.activityKeys.views(modules.keys.hourOf(at)));
    expect(ttl).toBeGreaterThan(47 * 3600);
    expect(ttl).toBeLessThanOrEqual(48 * 3600);
    expect(await admin.exists(modules.keys.activityKeys.union())).toBe(0);
  });

  it("writes the views of many shoppers in a few MULTIs, by itself within a second", async () => {
    const [first, second] = products.slice(1, 3);
    const before = [Number(await viewsNow(first.id)), Number(await viewsNow(second.id))];
    await admin.config("RESETSTAT");
    for (let i = 0; i < 20; i++) await new Shopper().viewed(i % 2 === 0 ? first : second);
    await waitFor(async () => Number(await viewsNow(first.id)) === before[0] + 10, 5_000, "the batch to be written");
    await waitFor(async () => Number(await viewsNow(second.id)) === before[1] + 10, 5_000, "the batch to be written");
    // 20 views, written a second's worth at a time (one MULTI if the views took less than a second): each
    // MULTI counts both products, so far fewer writes than views.
    const written = await commandCounts(admin);
    expect(written.multi).toBeLessThanOrEqual(3);
    expect(written.zincrby).toBeLessThanOrEqual(2 * written.multi);
  });

  it("reads the buckets in one MULTI, then serves the read from the cache", async () => {
    await admin.config("RESETSTAT");
    await modules.trending.trendingIds();
    const first = await commandCounts(admin);
    // One MULTI: the union, the top ids, the union deleted (DEL is also the cache's lock release: not counted).
    expect([first.multi, first.zunionstore, first.zrevrange, first.exec]).toEqual([1, 1, 1, 1]);
    await admin.config("RESETSTAT");
    const response = await modules.trendingRoute.GET();
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("public, max-age=60");
    const second = await commandCounts(admin);
    expect(second.zunionstore ?? 0).toBe(0);
    expect(second.multi ?? 0).toBe(0);
  });
});

/** A listing through the products API, as product ids. */
async function listed(search: string): Promise<number[]> {
  const response = await modules.productsRoute.GET(new NextRequest(`http://localhost:3000/api/products?${search}`));
  expect(response.status).toBe(200);
  return (await readJson<{ products: Product[] }>(response)).products.map((product) => product.id);
}

/** A category's active products, newest first (the order a listing falls back to). */
async function newestIn(categoryId: number): Promise<{ slug: string; ids: number[] }> {
  const rows = await modules.db.db.product.findMany({
    where: { status: "ACTIVE", categoryId },
    select: { id: true, category: { select: { slug: true } } },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
  });
  return { slug: rows[0].category.slug, ids: rows.map((row) => row.id) };
}

describe("listings sorted by trending", () => {
  it("lists the trending products first, in trending order, then the others newest first", async () => {
    const { categoryId } = await modules.db.db.product.findUniqueOrThrow({
      where: { id: products[0].id },
      select: { categoryId: true },
    });
    const category = await newestIn(categoryId);
    // Only this test's counts: the tests before counted views of products that may be in this category.
    const counted = await admin.keys("*trend:{trend}:*");
    if (counted.length > 0) await admin.del(...counted);
    // The category's two oldest products trend, the older one more.
    const [more, less] = category.ids.slice(-2).reverse();
    for (let i = 0; i < 30; i++) modules.viewCounts.countView(more);
    for (let i = 0; i < 20; i++) modules.viewCounts.countView(less);
    await modules.viewCounts.flushViewCounts();
    await modules.cache.cache.invalidateKeys(modules.trending.TRENDING_CACHE_KEY); // the ranking is read again now, not in a minute

    const ids = await listed(`category=${category.slug}&sort=trending&pageSize=100`);
    expect(ids.slice(0, 2)).toEqual([more, less]);
    expect(ids.slice(2)).toEqual(category.ids.filter((id) => id !== more && id !== less));
    // Pages follow the same order.
    expect(await listed(`category=${category.slug}&sort=trending&pageSize=1&page=2`)).toEqual([less]);
  });
});

describe("with Redis down", () => {
  it("answers a product page's question at once, without the row, and says the shopper is unknown", async () => {
    const shopper = new Shopper();
    await shopper.viewed(products[0]);
    await server.kill();
    const started = performance.now();
    const response = await shopper.view(`viewing=${products[1].slug}`);
    expect(response.status).toBe(200);
    expect(await readJson(response)).toEqual({ account: "unavailable", cartCount: null, recentlyViewed: null });
    expect(performance.now() - started).toBeLessThan(5_000);
  });

  it("lists a trending sort newest first while the ranking cannot be read", async () => {
    const { categoryId } = await modules.db.db.product.findUniqueOrThrow({
      where: { id: products[1].id },
      select: { categoryId: true },
    });
    const category = await newestIn(categoryId);
    await modules.cache.cache.invalidateKeys(modules.trending.TRENDING_CACHE_KEY); // no copy of the ranking in this instance's memory
    expect(await listed(`category=${category.slug}&sort=trending&pageSize=100`)).toEqual(category.ids);
  });
});
