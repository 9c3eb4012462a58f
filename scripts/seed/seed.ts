import path from "node:path";
import { refreshProductSummaries } from "../../lib/catalog/denormalize";
import { db } from "../../lib/db";
import { env } from "../../lib/env";
import { awaitReady, closeRedisClients, redisClient } from "../../lib/redis/clients";
import { redisKeys } from "../../lib/redis/keys";
import { deleteByPattern } from "../../lib/redis/scan";
import { CATEGORIES, generateCatalog, type SeedProduct } from "./catalog";
import { IMAGE_SIZE, imagePaths, renderImages } from "./images";
import { Progress } from "./progress";

/**
 * `npm run db:seed`: replaces the catalog with the deterministic one (SEED_PRODUCTS products, default 500),
 * renders its images, makes sure the admin user exists, and empties the cache. Runs in one transaction,
 * so a running store never sees half a catalog. Shows its progress on stderr (progress.ts).
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

/** Rows per INSERT: PostgreSQL takes at most 65,535 parameters in one statement. */
const ROWS_PER_INSERT = 5_000;

/** Inserts `rows` a batch at a time, telling `progress` after each batch. */
async function insertInBatches<Row>(
  label: string,
  rows: Row[],
  insert: (batch: Row[]) => Promise<unknown>,
  progress: Progress,
): Promise<void> {
  progress.update(label, 0, rows.length);
  for (let start = 0; start < rows.length; start += ROWS_PER_INSERT) {
    await insert(rows.slice(start, start + ROWS_PER_INSERT));
    progress.update(label, Math.min(start + ROWS_PER_INSERT, rows.length), rows.length);
  }
  progress.end();
}

async function insertCatalog(products: SeedProduct[], progress: Progress): Promise<void> {
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
      const productRows = products.map((p) => productRow(p, categoryIds.get(p.categorySlug)!));
      await insertInBatches("products", productRows, (data) => tx.product.createMany({ data }), progress);
      const productIds = new Map(
        (await tx.product.findMany({ select: { id: true, slug: true } })).map((r) => [r.slug, r.id]),
      );

      const variants = products.flatMap((p) => p.variants.map((v) => ({ ...v, productId: productIds.get(p.slug)! })));
      await insertInBatches("variants", variants, (data) => tx.variant.createMany({ data }), progress);
      const images = products.flatMap((p) =>
        imagePaths(p).map((relative, position) => ({
          productId: productIds.get(p.slug)!,
          url: `/media/${relative}`,
          alt: `${p.name}, ${position === 0 ? "front view" : "detail view"}`,
          width: IMAGE_SIZE,
          height: IMAGE_SIZE,
          position,
        })),
      );
      await insertInBatches("image rows", images, (data) => tx.image.createMany({ data }), progress);
      progress.update("prices and stock", 0, 1);
      await refreshProductSummaries(tx, [...productIds.values()]);
      // The default variant: the first one in stock, else the first one.
      await tx.$executeRaw`UPDATE products p SET default_variant_id = (
        SELECT v.id FROM variants v WHERE v.product_id = p.id ORDER BY (v.stock > 0) DESC, v.position ASC LIMIT 1)`;
      await tx.user.upsert({
        where: { email: ADMIN_EMAIL },
        create: { email: ADMIN_EMAIL, name: "Brisk Admin", role: "ADMIN", emailVerified: new Date() },
        update: { role: "ADMIN" },
      });
      progress.update("prices and stock", 1, 1);
      progress.end();
    },
    { timeout: 300_000, maxWait: 10_000 },
  );
}

export async function seed(count: number): Promise<void> {
  const started = Date.now();
  const progress = new Progress(process.stderr);
  const products = generateCatalog(count);
  await renderImages(products, env.MEDIA_DIR, (done, total) => progress.update("images", done, total));
  progress.end();
  await insertCatalog(products, progress);
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
