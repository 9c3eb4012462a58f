import Redis from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cache, createCache } from "../cache";
import { db } from "../db";
import { env } from "../env";
import { closeRedisClients } from "../redis/clients";
import { cacheNames, cacheTags } from "./cache-keys";
import { recordingMetrics } from "@/tests/support/cache-metrics";
import { waitFor } from "@/tests/support/wait";
import { listingQuerySchema } from "./listing-query";
import { loadProductBySlug } from "./load";
import { updateProductDetails, updateVariants } from "./mutations";
import { getProductBySlug, listProducts } from "./queries";

// Catalog writes against the test database, seen through the app's cache and through a second
// "instance": another cache with its own L1 and subscription, on the same Redis.
const otherRedis = new Redis(env.CACHE_REDIS_URL, { maxRetriesPerRequest: 1 });
const other = recordingMetrics();
const otherInstance = createCache({
  redis: () => otherRedis,
  keyPrefix: env.REDIS_KEY_PREFIX,
  subscriber: () => otherRedis.duplicate(),
  metrics: other.metrics,
});
const readOnOther = (slug: string) =>
  otherInstance.getOrSet({
    key: cacheNames.product(slug),
    ttl: 300,
    tags: (p: Awaited<ReturnType<typeof loadProductBySlug>>) => (p ? [cacheTags.product(p.id)] : []),
    load: () => loadProductBySlug(slug),
  });

let product: { id: number; slug: string; variants: { id: number; priceCents: number; stock: number }[] };

beforeAll(async () => {
  product = await db.product.findFirstOrThrow({
    where: { status: "ACTIVE", variants: { some: { stock: { gt: 0 } } } },
    select: {
      id: true,
      slug: true,
      variants: { select: { id: true, priceCents: true, stock: true }, orderBy: { id: "asc" } },
    },
    orderBy: { id: "asc" },
  });
  await readOnOther(`warmup-${Date.now()}`);
  await waitFor(() => otherInstance.l1Active(), 5_000, "the other instance's channel");
});

afterAll(async () => {
  // Put the product back as the seed made it.
  await updateVariants(
    product.id,
    product.variants.map(({ id, priceCents, stock }) => ({ variantId: id, priceCents, stock })),
  );
  await otherInstance.close();
  otherRedis.disconnect();
  await Promise.all([db.$disconnect(), closeRedisClients()]);
});

describe("updateVariants", () => {
  it("keeps minPriceCents right and is fresh at the next read here and on the other instance", async () => {
    const cheapestFirst = listingQuerySchema.parse({ sort: "price-asc", pageSize: 1 });
    expect((await listProducts(cheapestFirst)).products[0].id).not.toBe(product.id); // now cached
    await getProductBySlug(product.slug);
    await readOnOther(product.slug);
    expect((await readOnOther(product.slug)).status).toBe("HIT"); // held in the other instance's L1

    const received = other.counts.invalidations;
    await updateVariants(product.id, [{ variantId: product.variants[0].id, priceCents: 1 }]);

    expect((await db.product.findUniqueOrThrow({ where: { id: product.id } })).minPriceCents).toBe(1);
    const here = await getProductBySlug(product.slug);
    expect(here?.minPriceCents).toBe(1);
    expect(here?.variants.find((v) => v.id === product.variants[0].id)?.priceCents).toBe(1);
    await waitFor(() => other.counts.invalidations > received, 5_000, "the other instance to hear of it");
    expect((await readOnOther(product.slug)).value?.minPriceCents).toBe(1);
    // Listings carry the `listings` tag: the cheapest product is now this one.
    expect((await listProducts(cheapestFirst)).products[0].id).toBe(product.id);
  });

  it("keeps inStock right when every variant sells out, and back", async () => {
    await updateVariants(
      product.id,
      product.variants.map((v) => ({ variantId: v.id, stock: 0 })),
    );
    expect((await getProductBySlug(product.slug))?.inStock).toBe(false);
    expect((await db.product.findUniqueOrThrow({ where: { id: product.id } })).inStock).toBe(false);
    await updateVariants(product.id, [{ variantId: product.variants[0].id, stock: 7 }]);
    expect((await getProductBySlug(product.slug))?.inStock).toBe(true);
  });

  it("changes all or nothing: a variant of another product rolls the whole write back", async () => {
    const foreign = await db.variant.findFirstOrThrow({ where: { productId: { not: product.id } } });
    const before = await db.variant.findUniqueOrThrow({ where: { id: product.variants[0].id } });
    await expect(
      updateVariants(product.id, [
        { variantId: product.variants[0].id, priceCents: before.priceCents + 12_345 },
        { variantId: foreign.id, priceCents: 1 },
      ]),
    ).rejects.toMatchObject({ code: "not_found" });
    expect((await db.variant.findUniqueOrThrow({ where: { id: before.id } })).priceCents).toBe(before.priceCents);
    expect((await db.variant.findUniqueOrThrow({ where: { id: foreign.id } })).priceCents).toBe(foreign.priceCents);
  });

  it("rejects bad input and changes nothing", async () => {
    for (const change of [
      { variantId: product.variants[0].id, priceCents: -1 },
      { variantId: product.variants[0].id },
      { variantId: 1.5, stock: 1 },
    ]) {
      await expect(updateVariants(product.id, [change])).rejects.toMatchObject({ code: "invalid_input" });
    }
  });
});

describe("updateProductDetails", () => {
  it("renames (search follows) and archives (the store hides it), fresh at the next read", async () => {
    const original = await db.product.findUniqueOrThrow({ where: { id: product.id } });
    await getProductBySlug(product.slug);
    try {
      await updateProductDetails(product.id, { name: "Zeppelin Explorer Jacket" });
      expect((await getProductBySlug(product.slug))?.name).toBe("Zeppelin Explorer Jacket");
      const found = await listProducts(listingQuerySchema.parse({ q: "zeppelin" }));
      expect(found.products.map((p) => p.id)).toEqual([product.id]);

      await updateProductDetails(product.id, { status: "archived" });
      expect(await getProductBySlug(product.slug)).toBeNull();
    } finally {
      await updateProductDetails(product.id, { name: original.name, status: "active" });
    }
    expect((await getProductBySlug(product.slug))?.name).toBe(original.name);
    await cache.invalidateTags(cacheTags.listings);
  });

  it("answers not_found for a product that does not exist", async () => {
    await expect(updateProductDetails(999_999, { name: "x" })).rejects.toMatchObject({ code: "not_found" });
  });
});
