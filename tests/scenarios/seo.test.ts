import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { updateProductDetails, updateVariants } from "@/lib/catalog/mutations";
import { db } from "@/lib/db";
import { closeRedisClients } from "@/lib/redis/clients";
import { AppServer } from "@/tests/support/app-server";
import { freePort } from "@/tests/support/ports";

// What search engines read, over HTTP against the standalone server: robots.txt, the sitemaps, canonical links and
// structured data, kept right by catalog writes.

let server: AppServer;
const get = (path: string) => fetch(new URL(path, server.origin));
/** A sitemap's <loc> URLs, on the public origin (AUTH_URL), as paths this server answers. */
const locations = (xml: string) => [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map(([, url]) => new URL(url));
const jsonLd = (html: string) =>
  [...html.matchAll(/<script type="application\/ld\+json"[^>]*>([\s\S]*?)<\/script>/g)].flatMap(([, json]) => {
    const data = JSON.parse(json);
    return Array.isArray(data) ? data : [data];
  });

beforeAll(async () => {
  server = await AppServer.start("seo app", await freePort(), {});
}, 90_000);

afterAll(async () => {
  await server.stop();
  await closeRedisClients();
  await db.$disconnect();
});

describe("robots.txt and the sitemaps", () => {
  it("robots.txt names the sitemap index; every URL of every child sitemap answers 200", async () => {
    const robots = await (await get("/robots.txt")).text();
    expect(robots).toMatch(/^User-Agent: \*$/m);
    expect(robots).toMatch(/^Disallow: \/cart$/m);
    const sitemap = /^Sitemap: (.+)$/m.exec(robots)![1];
    expect(new URL(sitemap).origin).toBe(new URL(process.env.AUTH_URL!).origin);

    const index = await get(new URL(sitemap).pathname);
    expect(index.headers.get("content-type")).toMatch(/application\/xml/);
    const children = locations(await index.text());
    expect(children.map((url) => url.pathname)).toEqual(["/sitemaps/pages.xml", "/sitemaps/products-0.xml"]);

    const urls = [];
    for (const child of children) {
      const xml = await (await get(child.pathname)).text();
      expect(xml).toMatch(/<lastmod>\d{4}-\d\d-\d\dT[\d:.]+Z<\/lastmod>/);
      urls.push(...locations(xml));
    }
    const products = await db.product.count({ where: { status: "ACTIVE" } });
    expect(urls.filter((url) => url.pathname.startsWith("/products/"))).toHaveLength(products);
    for (const url of urls)
      expect([url.pathname, (await get(url.pathname + url.search)).status]).toEqual([url.pathname, 200]);
  }, 120_000);

  it("an archived product leaves the sitemap after the write, and comes back with it", async () => {
    const product = await db.product.findFirstOrThrow({ where: { status: "ACTIVE" }, orderBy: { id: "desc" } });
    const listed = async () =>
      locations(await (await get("/sitemaps/products-0.xml")).text()).some(
        (url) => url.pathname === `/products/${product.slug}`,
      );
    expect(await listed()).toBe(true);
    await updateProductDetails(product.id, { status: "archived" });
    try {
      expect(await listed()).toBe(false);
    } finally {
      await updateProductDetails(product.id, { status: "active" });
    }
    expect(await listed()).toBe(true);
  });
});

describe("a product page for search engines", () => {
  it("has a canonical URL without ?variant=, and JSON-LD with every variant's price and stock", async () => {
    const product = await db.product.findFirstOrThrow({
      where: { status: "ACTIVE", variants: { some: { stock: 0 } } },
      include: { variants: { orderBy: { id: "asc" } } },
    });
    const soldOut = product.variants.find((variant) => variant.stock === 0)!;
    const html = await (await get(`/products/${product.slug}?variant=${soldOut.sku}`)).text();
    expect(html).toContain(
      `<link rel="canonical" href="${new URL(`/products/${product.slug}`, process.env.AUTH_URL)}"/>`,
    );
    const [data, breadcrumbs] = jsonLd(html);
    expect(data["@type"]).toBe("Product");
    // One page for every variant (the route cache): the default variant first, each with an offer.
    const offerOf = (offers: { sku: string }[]) => offers.find((offer) => offer.sku === soldOut.sku);
    expect(data.offers[0].sku).toBe(product.variants.find((variant) => variant.id === product.defaultVariantId)?.sku);
    expect(offerOf(data.offers)).toMatchObject({
      sku: soldOut.sku,
      price: (soldOut.priceCents / 100).toFixed(2),
      availability: "https://schema.org/OutOfStock",
    });
    expect(data.offers).toHaveLength(product.variants.length);
    expect(breadcrumbs["@type"]).toBe("BreadcrumbList");

    const priceCents = soldOut.priceCents + 101;
    await updateVariants(product.id, [{ variantId: soldOut.id, priceCents, stock: 4 }]);
    try {
      const after = jsonLd(await (await get(`/products/${product.slug}?variant=${soldOut.sku}`)).text())[0];
      expect(offerOf(after.offers)).toMatchObject({
        price: (priceCents / 100).toFixed(2),
        availability: "https://schema.org/InStock",
      });
    } finally {
      await updateVariants(product.id, [{ variantId: soldOut.id, priceCents: soldOut.priceCents, stock: 0 }]);
    }
  });

  it("a name with </script> and quotes cannot break the page's JSON-LD", async () => {
    const product = await db.product.findFirstOrThrow({ where: { status: "ACTIVE" }, orderBy: { id: "asc" } });
    const name = `Mug </script><script>document.title="owned"</script> "quoted" 'too'`;
    await updateProductDetails(product.id, { name });
    try {
      const html = await (await get(`/products/${product.slug}`)).text();
      expect(html).not.toContain('<script>document.title="owned"</script>');
      expect(jsonLd(html)[0].name).toBe(name);
    } finally {
      await updateProductDetails(product.id, { name: product.name });
    }
  });

  it("cart, checkout, sign-in and search results are not indexed; listings are canonical to their content", async () => {
    for (const path of ["/cart", "/checkout", "/signin", "/products?q=mug"]) {
      expect([path, await (await get(path)).text()]).toEqual([
        path,
        expect.stringMatching(/<meta name="robots" content="noindex, nofollow"\/>/),
      ]);
    }
    const listing = await (await get("/products?sort=price-asc&page=2&pageSize=24")).text();
    expect(listing).toContain(`<link rel="canonical" href="${new URL("/products?page=2", process.env.AUTH_URL)}"/>`);
    const types = jsonLd(listing).map((data) => data["@type"]);
    expect(types).toEqual(["ItemList"]);
    const home = jsonLd(await (await get("/")).text()).map((data) => data["@type"]);
    expect(home).toEqual(["Organization", "WebSite"]);
  });
});
