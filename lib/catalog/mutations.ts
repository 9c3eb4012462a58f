import { z } from "zod";
import { cache } from "../cache";
import { db } from "../db";
import { ProductStatus } from "../generated/prisma/enums.ts";
import { cacheTags } from "./cache-keys";
import { CatalogWriteError } from "./errors";
import { refreshProductSummaries } from "./denormalize";
import { publishStockChanges } from "./stock-events";

/**
 * Catalog writes. Each runs in one transaction that also keeps the product's denormalized fields right,
 * and only after it commits are the product's cache tag and `listings` invalidated: everywhere, so the
 * next read on any instance is fresh. (Invalidating before the commit would let a concurrent read cache
 * the old row again.)
 */

const variantChange = z
  .object({
    variantId: z.number().int().positive(),
    priceCents: z.number().int().min(0).max(100_000_000).optional(),
    stock: z.number().int().min(0).max(1_000_000).optional(),
  })
  .refine((change) => change.priceCents !== undefined || change.stock !== undefined, "nothing to change");

const productChange = z
  .object({
    name: z.string().trim().min(1).max(200).optional(),
    description: z.string().trim().min(1).max(5_000).optional(),
    status: z.enum(["active", "archived"]).optional(),
  })
  .refine((change) => Object.values(change).some((value) => value !== undefined), "nothing to change");

function parse<T>(schema: z.ZodType<T>, input: unknown): T {
  const result = schema.safeParse(input);
  if (!result.success)
    throw new CatalogWriteError("invalid_input", result.error.issues.map((i) => i.message).join("; "));
  return result.data;
}

/**
 * After a commit that changed these products (also checkout's stock moves): their entries and every
 * listing, then their stock levels to the pages open on every instance (stock-events.ts).
 */
export async function invalidateProducts(...productIds: number[]): Promise<void> {
  // false means Redis is down: the cache keeps the invalidation and sends it before its next read.
  await cache.invalidateTags(...productIds.map((id) => cacheTags.product(id)), cacheTags.listings);
  await publishStockChanges(productIds);
}

/** Changes prices and stock levels of one product's variants, all or none. */
export async function updateVariants(productId: number, changes: unknown[]): Promise<void> {
  const parsed = changes.map((change) => parse(variantChange, change));
  if (parsed.length === 0) throw new CatalogWriteError("invalid_input", "no variant to change");
  await db.$transaction(async (tx) => {
    // A price change makes a back-office form opened before it outdated (product-edit.ts).
    if (parsed.some((change) => change.priceCents !== undefined)) {
      await tx.product.updateMany({ where: { id: productId }, data: { version: { increment: 1 } } });
    }
    for (const { variantId, priceCents, stock } of parsed) {
      const { count } = await tx.variant.updateMany({
        where: { id: variantId, productId },
        data: { priceCents, stock },
      });
      if (count === 0) throw new CatalogWriteError("not_found", `product ${productId} has no variant ${variantId}`);
    }
    await refreshProductSummaries(tx, [productId]);
  });
  await invalidateProducts(productId);
}

/** Changes a product's name, description or status (archiving hides it from the store). */
export async function updateProductDetails(productId: number, change: unknown): Promise<void> {
  const { status, ...text } = parse(productChange, change);
  await db.$transaction(async (tx) => {
    const stored =
      status === undefined ? undefined : status === "archived" ? ProductStatus.ARCHIVED : ProductStatus.ACTIVE;
    const { count } = await tx.product.updateMany({
      where: { id: productId },
      data: { ...text, status: stored, version: { increment: 1 } },
    });
    if (count === 0) throw new CatalogWriteError("not_found", `no product ${productId}`);
  });
  await invalidateProducts(productId);
}
