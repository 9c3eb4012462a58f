import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { updateVariants } from "@/lib/catalog/mutations";
import { db } from "@/lib/db";
import { formatMoney } from "@/lib/money";
import { AppServer } from "@/tests/support/app-server";
import { BrowserClient } from "@/tests/support/browser-client";
import { addToCart, checkoutBody, postCheckout } from "@/tests/support/checkout-fixtures";
import { freePort } from "@/tests/support/ports";
import { ThrowawayRedis } from "@/tests/support/redis-server";

// The route cache across two standalone server instances sharing the test database and Redis (lib/page-cache):
// pages rendered once and served to everyone, made stale on every instance by the data's invalidation.
let servers: AppServer[];
let product: { id: number; slug: string; currency: string; variantId: number };

beforeAll(async () => {
  servers = await Promise.all([1, 2].map(async (n) => AppServer.start(`pages ${n}`, await freePort(), {})));
  // A product whose default variant (the one its page shows) no order names yet.
  const found = await db.product.findFirstOrThrow({
    where: { status: "ACTIVE", defaultVariant: { orderLines: { none: {} } } },
    select: { id: true, slug: true, currency: true, defaultVariantId: true },
    orderBy: { id: "asc" },
  });
  product = { id: found.id, slug: found.slug, currency: found.currency, variantId: found.defaultVariantId! };
}, 90_000);

afterAll(async () => {
  await Promise.all(servers.map((server) => server.stop()));
  await db.$disconnect();
});

/** A page from this instance, with the client's cookies when given (its own instance may be the other one). */
async function view(server: AppServer, path: string, client?: BrowserClient) {
  const cookie = client?.cookieHeader() ?? "";
  const response = await fetch(server.origin + path, { headers: cookie ? { cookie } : {} });
  return { status: response.status, cache: response.headers.get("x-nextjs-cache"), html: await response.text() };
}

/** Pages this instance rendered under the page's lock and stored (its /api/metrics, read from loopback). */
async function renders(server: AppServer): Promise<number> {
  const text = await (await fetch(`${server.origin}/api/metrics`)).text();
  return Number(/^brisk_page_renders_total\{outcome="stored"\} (\d+)$/m.exec(text)?.[1] ?? 0);
}

/** The page's price and stock line, as a shopper reads them in the HTML. */
function shown(html: string) {
  const price = /data-testid="price"[^>]*>(?:<[^>]+>)*([^<]+)</.exec(html)?.[1];
  const stock = /data-testid="stock-status"[^>]*>([^<]+)</.exec(html)?.[1];
  return { price, stock };
}

describe("catalog pages from the route cache, on two instances", () => {
  it("shows a price change and a checkout's stock change made through A on B's next view", async () => {
    const [a, b] = servers;
    const path = `/products/${product.slug}`;
    await updateVariants(product.id, [{ variantId: product.variantId, priceCents: 4_321, stock: 5 }]);
    for (const server of [a, b, a, b]) await view(server, path);
    const cached = await view(b, path);
    expect(cached.cache).toBe("HIT");
    expect(shown(cached.html)).toEqual({ price: formatMoney(4_321, product.currency), stock: "Only 5 left" });

    // A price change, as the back office makes it (lib/catalog/mutations.ts), from this test's process: a
    // third instance of the store, sharing Redis and PostgreSQL with A and B.
    await updateVariants(product.id, [{ variantId: product.variantId, priceCents: 5_432, stock: 5 }]);
    expect(shown((await view(b, path)).html)).toEqual({
      price: formatMoney(5_432, product.currency),
      stock: "Only 5 left",
    });
    expect(shown((await view(a, path)).html).price).toBe(formatMoney(5_432, product.currency));

    // A checkout of 2 through instance A: B's next view says 3 left.
    const shopper = new BrowserClient(a.origin);
    expect((await addToCart(shopper, product.variantId, 2)).status).toBe(200);
    expect((await postCheckout(shopper, checkoutBody(), randomUUID())).status).toBe(201);
    expect(shown((await view(b, path)).html).stock).toBe("Only 3 left");
  }, 60_000);

  it("keeps the product API's answer in the route cache, rendered once, and answers A's writes on B", async () => {
    const [a, b] = servers;
    const answer = async (server: AppServer) => {
      const response = await fetch(`${server.origin}/api/products/${product.slug}`);
      const body = (await response.json()) as {
        product: { variants: { id: number; priceCents: number; stock: number }[] };
      };
      const { priceCents, stock } = body.product.variants.find((variant) => variant.id === product.variantId)!;
      const header = (name: string) => response.headers.get(name);
      // `control`: never in a shared cache, stock changes.
      const [cache, route, control] = [header("x-cache"), header("x-nextjs-cache"), header("cache-control")];
      return { status: response.status, cache, route, control, priceCents, stock };
    };
    await updateVariants(product.id, [{ variantId: product.variantId, priceCents: 6_543, stock: 7 }]);
    const before = (await renders(a)) + (await renders(b));
    const fresh = { status: 200, control: "no-store", priceCents: 6_543, stock: 7 };
    expect(await answer(a)).toEqual({ ...fresh, cache: "MISS", route: "MISS" });
    const cached = { ...fresh, cache: "HIT", route: "HIT" };
    expect(await answer(b)).toEqual(cached);
    expect(await answer(a)).toEqual(cached);
    expect((await renders(a)) + (await renders(b)) - before).toBe(1);

    await updateVariants(product.id, [{ variantId: product.variantId, priceCents: 7_654, stock: 7 }]);
    expect(await answer(b)).toMatchObject({ priceCents: 7_654, stock: 7 });
    const shopper = new BrowserClient(a.origin);
    expect((await addToCart(shopper, product.variantId, 1)).status).toBe(200);
    expect((await postCheckout(shopper, checkoutBody(), randomUUID())).status).toBe(201);
    expect(await answer(b)).toMatchObject({ priceCents: 7_654, stock: 6 });
  }, 60_000);

  it("answers the product API from the route cache to GET and HEAD only: OPTIONS 204, others 405", async () => {
    const [a] = servers;
    const url = `${a.origin}/api/products/${product.slug}`;
    expect((await fetch(url)).status).toBe(200);
    expect((await fetch(url)).headers.get("x-nextjs-cache")).toBe("HIT");
    for (const method of ["POST", "PUT", "PATCH", "DELETE"]) {
      const response = await fetch(url, { method });
      expect(response.status, method).toBe(405);
      expect(response.headers.get("allow"), method).toBe("GET, HEAD, OPTIONS");
      expect((await response.json()).error.code, method).toBe("method_not_allowed");
    }
    const options = await fetch(url, { method: "OPTIONS" });
    expect([options.status, options.headers.get("allow")]).toEqual([204, "GET, HEAD, OPTIONS"]);
    const head = await fetch(url, { method: "HEAD" });
    expect([head.status, head.headers.get("x-nextjs-cache")]).toEqual([200, "HIT"]);
    // The kept answer is still the one served: a 405 replaced nothing.
    const again = await fetch(url);
    expect([again.status, again.headers.get("x-cache")]).toEqual([200, "HIT"]);
    expect((await again.json()).product.slug).toBe(product.slug);
  });

  it("keeps a listing sorted by trending a minute, and other listings until a write", async () => {
    const life = async (server: AppServer, path: string) => {
      const response = await fetch(server.origin + path);
      expect(response.status).toBe(200);
      await response.arrayBuffer();
      return response.headers.get("cache-control");
    };
    const [a, b] = servers;
    // Its first view renders it; the other instance's view is served from the route cache with the same life.
    expect(await life(a, "/products?sort=trending&pageSize=4")).toMatch(/s-maxage=60\b/);
    expect(await life(b, "/products?sort=trending&pageSize=4")).toMatch(/s-maxage=60\b/);
    expect(await life(a, "/products?sort=name&pageSize=4")).toMatch(/s-maxage=31536000\b/);
  });

  it("renders a cold product page once for 500 concurrent views over both instances", async () => {
    const cold = await db.product.findFirstOrThrow({
      where: { status: "ACTIVE", id: { not: product.id } },
      select: { slug: true },
      orderBy: { id: "desc" },
    });
    const before = (await renders(servers[0])) + (await renders(servers[1]));
    const views = await Promise.all(
      Array.from({ length: 500 }, (_, i) => view(servers[i % 2], `/products/${cold.slug}`)),
    );
    expect(views.every((page) => page.status === 200)).toBe(true);
    expect(new Set(views.map((page) => page.html)).size).toBe(1);
    expect((await renders(servers[0])) + (await renders(servers[1])) - before).toBe(1);
  }, 60_000);

  it("serves the same HTML to two shoppers, with neither one's cart count nor account in it", async () => {
    const [a, b] = servers;
    // A signed-in shopper with a cart of one, on A; a stranger with a cart of two, on B.
    const email = `pages-${randomUUID()}@example.com`;
    const shopper = new BrowserClient(a.origin);
    await shopper.signIn(email);
    expect((await addToCart(shopper, product.variantId, 1)).status).toBe(200);
    const stranger = new BrowserClient(b.origin);
    expect((await addToCart(stranger, product.variantId, 2)).status).toBe(200);
    for (const path of [`/products/${product.slug}`, "/", "/products?q=shirt"]) {
      const pages = [await view(a, path, shopper), await view(b, path, stranger), await view(b, path, shopper)];
      expect(pages.map((page) => page.status)).toEqual([200, 200, 200]);
      expect(pages[1].html, path).toBe(pages[0].html);
      expect(pages[2].html, path).toBe(pages[0].html);
      for (const page of pages) {
        expect(page.html).not.toContain('data-testid="cart-count"');
        expect(page.html).not.toContain('data-testid="account-link"');
        expect(page.html).not.toContain(email);
      }
    }
    // The header asks for the shopper separately, and gets only its own.
    const mine = await (await shopper.fetch("/api/shopper")).json();
    const theirs = await (await stranger.fetch("/api/shopper")).json();
    expect(mine).toEqual({ account: { name: email }, cartCount: 1 });
    expect(theirs).toEqual({ account: null, cartCount: 2 });
  }, 60_000);
});

describe("catalog pages with the cache's Redis stopped", () => {
  let cacheRedis: ThrowawayRedis;
  let server: AppServer;

  beforeAll(async () => {
    cacheRedis = await ThrowawayRedis.start();
    server = await AppServer.start("pages without cache", await freePort(), { CACHE_REDIS_URL: cacheRedis.url });
  }, 90_000);

  afterAll(async () => {
    await server.stop();
    await cacheRedis.destroy();
  });

  it("answers product, category and home pages with 200, rendered from PostgreSQL", async () => {
    const category = await db.category.findFirstOrThrow({ select: { slug: true }, orderBy: { id: "asc" } });
    const paths = [`/products/${product.slug}`, `/categories/${category.slug}`, "/"];
    for (const path of paths) expect((await view(server, path)).status).toBe(200);
    await cacheRedis.kill();
    for (const path of [...paths, ...paths]) {
      const page = await view(server, path);
      expect(page.status, path).toBe(200);
      expect(page.html, path).not.toContain("Something went wrong");
    }
    expect(shown((await view(server, paths[0])).html).price).toBeDefined();
  }, 60_000);
});
