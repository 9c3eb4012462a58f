import { randomUUID } from "node:crypto";
import { z } from "zod";
import { updateVariants } from "../catalog/mutations";
import { db } from "../db";
import { withStateRedis } from "../redis/state";
import { testSupportKeys } from "./keys";

/**
 * A product whose stock a test sets and no other test touches meanwhile: a claim is a Redis key per
 * product (SET NX, 15 minutes), so tests running side by side, or two suites against one deployment,
 * never share one. Featured products are never claimed (the home page stays as the seed made it).
 */

const CLAIM_MS = 15 * 60 * 1000;

export const claimSchema = z.object({
  /** The stock of the product's first variants, in order (at least one); the others keep theirs. */
  stock: z.array(z.number().int().min(0).max(1_000)).min(1).max(8),
  /** Only products of this category (a slug). */
  category: z
    .string()
    .regex(/^[a-z0-9-]{1,100}$/)
    .optional(),
});

export const variantChangeSchema = z
  .object({
    stock: z.number().int().min(0).max(1_000).optional(),
    priceCents: z.number().int().min(1).max(100_000_000).optional(),
  })
  .refine((change) => change.stock !== undefined || change.priceCents !== undefined, "nothing to change");

export interface ClaimedProduct {
  id: number;
  slug: string;
  name: string;
  variants: { id: number; sku: string; options: Record<string, string>; priceCents: number; stock: number }[];
}

async function describe(productId: number): Promise<ClaimedProduct> {
  const product = await db.product.findUniqueOrThrow({
    where: { id: productId },
    select: {
      id: true,
      slug: true,
      name: true,
      variants: {
        orderBy: [{ position: "asc" }, { id: "asc" }],
        select: { id: true, sku: true, options: true, priceCents: true, stock: true },
      },
    },
  });
  return {
    ...product,
    variants: product.variants.map((variant) => ({ ...variant, options: variant.options as Record<string, string> })),
  };
}

/** Claims an active, unfeatured product with enough variants and sets their stock; null when none is free. */
export async function claimProduct(input: z.infer<typeof claimSchema>): Promise<ClaimedProduct | null> {
  const candidates = await db.product.findMany({
    where: { status: "ACTIVE", featured: false, ...(input.category ? { category: { slug: input.category } } : {}) },
    select: { id: true, _count: { select: { variants: true } } },
  });
  const fitting = candidates.filter((product) => product._count.variants >= input.stock.length);
  // Random order: two suites that start together do not race for the same first candidates.
  for (const { id } of fitting.sort(() => Math.random() - 0.5)) {
    const claimed = await withStateRedis((redis) =>
      redis.set(testSupportKeys.claim(id), randomUUID(), "PX", CLAIM_MS, "NX"),
    );
    if (claimed !== "OK") continue;
    const { variants } = await describe(id);
    await updateVariants(
      id,
      input.stock.map((stock, index) => ({ variantId: variants[index].id, stock })),
    );
    return describe(id);
  }
  return null;
}

/** Changes a variant of a claimed product (stock, price): "not_claimed" for any other variant. */
export async function changeClaimedVariant(
  sku: string,
  change: z.infer<typeof variantChangeSchema>,
): Promise<ClaimedProduct | "not_claimed"> {
  const variant = await db.variant.findUnique({ where: { sku }, select: { id: true, productId: true } });
  if (!variant) return "not_claimed";
  const claimed = await withStateRedis((redis) => redis.exists(testSupportKeys.claim(variant.productId)));
  if (claimed !== 1) return "not_claimed";
  await updateVariants(variant.productId, [{ variantId: variant.id, ...change }]);
  return describe(variant.productId);
}
