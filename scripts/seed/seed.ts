import path from "node:path";
import { refreshProductSummaries } from "../../lib/catalog/denormalize";
import { db } from "../../lib/db";
import { env } from "../../lib/env";
import { awaitReady, closeRedisClients, redisClient } from "../../lib/redis/clients";
import { redisKeys } from "../../lib/redis/keys";
import { deleteByPattern } from "../../lib/redis/scan";
import { CATEGORIES, generateCatalog, type SeedProduct } from "./catalog";
import { IMAGE_SIZE, imagePaths, renderImages } from "./images";

/**
 * `npm run db:seed`: replaces the catalog with the deterministic one (SEED_PRODUCTS products, default 500),
 * renders its images, makes sure the admin user exists, and empties the cache. Runs in one transaction,
 * so a running store never sees half a catalog.
 */

const ADMIN_EMAIL = "admin@brisk.local";

function productRow(product: SeedProduct, categoryId: number) {
  return {
    slug: product.slug,
    name: product.name,
    description: product.description,
    featured: product.featured,
    optionNames: product.optionNames,
    // Filled in from the variants by refreshProductSummaries, the rule every catalog write follows.
    minPriceCents: 0,
    inStock: false,
    categoryId,
    createdAt: product.createdAt,
  };
}

async function insertCatalog(products: SeedProduct[]): Promise<void> {
  await db.$transaction(
    async (tx) => {
      await tx.$executeRaw`TRUNCATE images, variants, products, categories RESTART IDENTITY CASCADE`;
      await tx.category.createMany({
        data: CATEGORIES.map((spec, position) => ({
          slug: spec.slug,
          name: spec.name,
          description: spec.description,
          position,
        })),
      });
      const categoryIds = new Map((await tx.category.findMany()).map((row) => [row.slug, row.id]));
      await tx.product.createMany({ data: products.map((p) => productRow(p, categoryIds.get(p.categorySlug)!)) });
      const productIds = new Map(
        (await tx.product.findMany({ select: { id: true, slug: true } })).map((r) => [r.slug, r.id]),
      );

      const variants = products.flatMap((p) => p.variants.map((v) => ({ ...v, productId: productIds.get(p.slug)! })));
      for (let start = 0; start < variants.length; start += 5000) {
        await tx.variant.createMany({ data: variants.slice(start, start + 5000) });
      }
      const images = products.flatMap((p) =>
        imagePaths(p.slug).map((relative, position) => ({
          productId: productIds.get(p.slug)!,
          url: `/media/${relative}`,
          alt: `${p.name}, ${position === 0 ? "front view" : "detail view"}`,
          width: IMAGE_SIZE,
          height: IMAGE_SIZE,
          position,
        })),
      );
      await tx.image.createMany({ data: images });
      await refreshProductSummaries(tx, [...productIds.values()]);
      // The default variant: the first one in stock, else the first one.
      await tx.$executeRaw`UPDATE products p SET default_variant_id = (
        SELECT v.id FROM variants v WHERE v.product_id = p.id ORDER BY (v.stock > 0) DESC, v.position ASC LIMIT 1)`;
      await tx.user.upsert({
        where: { email: ADMIN_EMAIL },
        create: { email: ADMIN_EMAIL, name: "Brisk Admin", role: "ADMIN", emailVerified: new Date() },
        update: { role: "ADMIN" },
      });
    },
    { timeout: 300_000, maxWait: 10_000 },
  );
}

export async function seed(count: number): Promise<void> {
  const started = Date.now();
  const products = generateCatalog(count);
  await renderImages(products, env.MEDIA_DIR);
  await insertCatalog(products);
  if (!(await awaitReady("cache")))
    throw new Error("the cache's Redis does not answer; the catalog is seeded but the cache was not cleared");
  const cleared = await deleteByPattern(redisClient("cache"), redisKeys.cachePattern());
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  console.log(
    `[brisk] seeded ${count} products in ${CATEGORIES.length} categories (${seconds} s); ` +
      `images in ${path.relative(process.cwd(), env.MEDIA_DIR) || "."}; ${cleared} cache keys cleared; admin ${ADMIN_EMAIL}`,
  );
}

if (require.main === module) {
  seed(env.SEED_PRODUCTS)
    .catch((error: Error) => {
      console.error(`[brisk] seeding failed: ${error.message}`);
      process.exitCode = 1;
    })
    .finally(async () => {
      await Promise.all([db.$disconnect(), closeRedisClients()]);
    });
}
