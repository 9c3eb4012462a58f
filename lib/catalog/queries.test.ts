import { afterAll, describe, expect, it } from "vitest";
import { cache } from "../cache";
import { db, queriesSoFar } from "../db";
import { closeRedisClients } from "../redis/clients";
import { cacheTags } from "./cache-keys";
import { listingQuerySchema, type ListingQuery } from "./listing-query";
import {
  getProductBySlug,
  getProductBySlugWithStatus,
  getRelatedProducts,
  listCategories,
  listProducts,
} from "./queries";

// Against the seeded test database, through the real cache (test Redis namespace).
const query = (input: Partial<Record<keyof ListingQuery, unknown>>) => listingQuerySchema.parse(input);
const descriptionsOf = async (ids: number[]) =>
  (await db.product.findMany({ where: { id: { in: ids } }, select: { description: true } })).map((p) => p.description);

afterAll(async () => {
  await Promise.all([db.$disconnect(), closeRedisClients()]);
});

describe("listProducts", () => {
  it("sorts by price, both ways, and by name", async () => {
    const asc = (await listProducts(query({ sort: "price-asc", pageSize: 100 }))).products.map((p) => p.minPriceCents);
    const desc = (await listProducts(query({ sort: "price-desc", pageSize: 100 }))).products.map(
      (p) => p.minPriceCents,
    );
    const names = (await listProducts(query({ sort: "name", pageSize: 100 }))).products.map((p) => p.name);
    expect(asc).toEqual([...asc].sort((a, b) => a - b));
    expect(desc).toEqual([...desc].sort((a, b) => b - a));
    expect(names).toEqual([...names].sort());
    expect(asc[0]).toBeLessThan(desc[0]);
  });

  it("puts the newest first by default", async () => {
    const { products } = await listProducts(query({ pageSize: 20 }));
    const rows = await db.product.findMany({
      where: { id: { in: products.map((p) => p.id) } },
      select: { id: true, createdAt: true },
    });
    const created = new Map(rows.map((row) => [row.id, row.createdAt.getTime()]));
    const times = products.map((p) => created.get(p.id)!);
    expect(times).toEqual([...times].sort((a, b) => b - a));
  });

  it("filters by category", async () => {
    const listing = await listProducts(query({ category: "footwear", pageSize: 100 }));
    const categories = await db.product.findMany({
      where: { id: { in: listing.products.map((p) => p.id) } },
      select: { category: { select: { slug: true } } },
    });
    expect(listing.total).toBeGreaterThan(0);
    expect(new Set(categories.map((row) => row.category.slug))).toEqual(new Set(["footwear"]));
    expect(listing.total).toBe(await db.product.count({ where: { category: { slug: "footwear" }, status: "ACTIVE" } }));
  });

  it("pages through the results without overlap, and past the end answers an empty page", async () => {
    const first = await listProducts(query({ sort: "name", pageSize: 10 }));
    const second = await listProducts(query({ sort: "name", pageSize: 10, page: 2 }));
    const beyond = await listProducts(query({ sort: "name", pageSize: 10, page: 1000 }));
    expect(first.products).toHaveLength(10);
    expect(second.products.map((p) => p.id)).not.toContain(first.products[0].id);
    expect(first.total).toBe(await db.product.count({ where: { status: "ACTIVE" } }));
    expect(beyond).toMatchObject({ products: [], page: 1000, total: first.total });
  });

  it("finds products by an inflected form of a word in their description only (full-text search)", async () => {
    const listing = await listProducts(query({ q: "climbs", pageSize: 100 }));
    expect(listing.total).toBeGreaterThan(0);
    expect(listing.products.every((p) => !/climb/i.test(p.name))).toBe(true);
    for (const description of await descriptionsOf(listing.products.map((p) => p.id))) {
      expect(description).toMatch(/climbing/);
    }
  });

  it('finds "run" when asked for "running"', async () => {
    const listing = await listProducts(query({ q: "running", pageSize: 100 }));
    const descriptions = await descriptionsOf(listing.products.map((p) => p.id));
    expect(descriptions.some((d) => /\brun\b/.test(d) && !/running/.test(d))).toBe(true);
  });

  it("matches nothing for words the catalog does not have", async () => {
    expect((await listProducts(query({ q: "zeppelin" }))).total).toBe(0);
  });

  it("understands search syntax (phrases, exclusions) and treats SQL as words", async () => {
    const bottles = await listProducts(query({ q: '"water bottle" -zeppelin', pageSize: 100 }));
    expect(bottles.total).toBeGreaterThan(0);
    expect(bottles.products.every((p) => p.name.includes("Water Bottle"))).toBe(true);
    const before = await db.product.count();
    const injected = await listProducts(query({ q: "mug'; DROP TABLE products; --" }));
    expect(injected.products.every((p) => p.name.includes("Mug"))).toBe(true);
    expect(await db.product.count()).toBe(before);
  });
});

describe("getProductBySlug", () => {
  it("returns the product with its options, variants and denormalized fields consistent", async () => {
    const row = await db.product.findFirstOrThrow({
      where: { optionNames: { isEmpty: false } },
      orderBy: { id: "asc" },
    });
    const product = (await getProductBySlug(row.slug))!;
    const prices = product.variants.map((v) => v.priceCents);
    expect(product.minPriceCents).toBe(Math.min(...prices));
    expect(product.inStock).toBe(product.variants.some((v) => v.available));
    expect(product.variants.map((v) => v.id)).toContain(product.defaultVariantId);
    expect(product.options.map((o) => o.name)).toEqual(row.optionNames);
    for (const v of product.variants) expect(v.available).toBe(v.stock > 0);
    expect(product.images[0].url).toMatch(/^\/media\/products\/.+\.webp$/);
    expect(product.updatedAt).toBeInstanceOf(Date);
  });

  it("answers a second read from the cache without a query", async () => {
    const { slug } = await db.product.findFirstOrThrow({ orderBy: { id: "desc" } });
    await cache.invalidateKeys(`product:${slug}`);
    expect((await getProductBySlugWithStatus(slug)).status).toBe("MISS");
    const before = queriesSoFar();
    expect((await getProductBySlugWithStatus(slug)).status).toBe("HIT");
    expect(queriesSoFar()).toBe(before);
  });

  it("hides an archived product from the product read and from listings", async () => {
    const row = await db.product.findFirstOrThrow({ where: { status: "ACTIVE" }, orderBy: { id: "asc" } });
    await getProductBySlug(row.slug);
    try {
      await db.product.update({ where: { id: row.id }, data: { status: "ARCHIVED" } });
      await cache.invalidateTags(cacheTags.product(row.id), cacheTags.listings);
      expect(await getProductBySlug(row.slug)).toBeNull();
      const listing = await listProducts(query({ sort: "name", pageSize: 100, q: row.name }));
      expect(listing.products.map((p) => p.id)).not.toContain(row.id);
    } finally {
      await db.product.update({ where: { id: row.id }, data: { status: "ACTIVE" } });
      await cache.invalidateTags(cacheTags.product(row.id), cacheTags.listings);
    }
    expect((await getProductBySlug(row.slug))?.id).toBe(row.id);
  });

  it("answers null for an unknown slug", async () => {
    expect(await getProductBySlug("no-such-product-anywhere")).toBeNull();
  });
});

describe("related products and categories", () => {
  it("relates products of the same category, never the product itself", async () => {
    const product = (await getProductBySlug((await db.product.findFirstOrThrow({ orderBy: { id: "asc" } })).slug))!;
    const related = await getRelatedProducts(product.id);
    expect(related.length).toBeGreaterThan(0);
    expect(related.map((p) => p.id)).not.toContain(product.id);
    const categories = await db.product.findMany({
      where: { id: { in: related.map((p) => p.id) } },
      select: { categoryId: true },
    });
    const own = await db.product.findUniqueOrThrow({ where: { id: product.id }, select: { categoryId: true } });
    expect(categories.every((row) => row.categoryId === own.categoryId)).toBe(true);
  });

  it("lists categories with their active product counts", async () => {
    const categories = await listCategories();
    expect(categories.length).toBeGreaterThanOrEqual(10);
    const total = categories.reduce((sum, category) => sum + category.productCount, 0);
    expect(total).toBe(await db.product.count({ where: { status: "ACTIVE" } }));
  });
});
