import { afterAll, describe, expect, it } from "vitest";
import { cache } from "@/lib/cache";
import { db, queriesSoFar } from "@/lib/db";
import { closeRedisClients, redisClient } from "@/lib/redis/clients";
import { cacheNames } from "@/lib/catalog/cache-keys";
import { cacheKeys } from "@/lib/cache/keys";
import { env } from "@/lib/env";
import { getRequest, readJson, routeContext } from "@/tests/support/routes";
import { GET } from "./route";

const get = (slug: string) => GET(getRequest(`/api/products/${slug}`), routeContext({ slug }));

afterAll(async () => {
  await Promise.all([db.$disconnect(), closeRedisClients()]);
});

describe("GET /api/products/[slug]", () => {
  it("answers MISS, then HIT without a single Postgres query", async () => {
    const { slug } = await db.product.findFirstOrThrow({ where: { status: "ACTIVE" }, orderBy: { id: "asc" } });
    await cache.invalidateKeys(cacheNames.product(slug));

    const first = await get(slug);
    expect(first.status).toBe(200);
    expect(first.headers.get("x-cache")).toBe("MISS");

    const before = queriesSoFar();
    const second = await get(slug);
    expect(second.headers.get("x-cache")).toBe("HIT");
    expect(queriesSoFar() - before).toBe(0);
    expect(await readJson(second)).toEqual(await readJson(first));
  });

  it("answers `{ product }` in the shape of ProductDetail (lib/catalog/types.ts)", async () => {
    const row = await db.product.findFirstOrThrow({
      where: { status: "ACTIVE" },
      include: { category: true },
      orderBy: { id: "asc" },
    });
    const { product } = await readJson<{ product: Record<string, unknown> }>(await get(row.slug));
    expect(product).toMatchObject({
      id: row.id,
      slug: row.slug,
      name: row.name,
      description: row.description,
      category: { slug: row.category.slug, name: row.category.name },
      currency: "USD",
      minPriceCents: row.minPriceCents,
      inStock: row.inStock,
      defaultVariantId: row.defaultVariantId,
    });
    expect(product.images).toEqual(
      expect.arrayContaining([expect.objectContaining({ url: expect.any(String), alt: expect.any(String) })]),
    );
    expect(product.options).toEqual(expect.arrayContaining([{ name: expect.any(String), values: expect.any(Array) }]));
    expect(product.variants).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          id: expect.any(Number),
          sku: expect.any(String),
          options: expect.any(Object),
          priceCents: expect.any(Number),
          stock: expect.any(Number),
          available: expect.any(Boolean),
        }),
      ]),
    );
  });

  it("answers 404 not_found for an unknown slug, and for a string that cannot be a slug", async () => {
    for (const slug of ["no-such-product", "Not A Slug!", "x".repeat(500)]) {
      const response = await get(slug);
      expect(response.status).toBe(404);
      expect(await readJson(response)).toEqual({ error: { code: "not_found", message: expect.any(String) } });
    }
  });

  it("caches 'not found' briefly, so an unknown slug does not reach PostgreSQL each time", async () => {
    const slug = `never-seeded-${Date.now()}`;
    expect((await get(slug)).status).toBe(404);
    const before = queriesSoFar();
    for (let i = 0; i < 3; i++) {
      const response = await get(slug);
      expect(response.status).toBe(404);
      expect(response.headers.get("x-cache")).toBe("HIT");
    }
    expect(queriesSoFar()).toBe(before);
    const ttl = await redisClient("cache").pttl(cacheKeys(env.REDIS_KEY_PREFIX).entry(cacheNames.product(slug)));
    expect(ttl).toBeGreaterThan(0);
    expect(ttl).toBeLessThanOrEqual(33_000);
  });

  it("never looks up, nor caches, a string that cannot be a slug", async () => {
    const before = queriesSoFar();
    for (const slug of ["Not A Slug!", "x".repeat(500), "a--b"]) {
      expect((await get(slug)).status).toBe(404);
      expect(await redisClient("cache").exists(cacheKeys(env.REDIS_KEY_PREFIX).entry(cacheNames.product(slug)))).toBe(
        0,
      );
    }
    expect(queriesSoFar()).toBe(before);
  });
});
