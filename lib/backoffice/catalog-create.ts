import { z } from "zod";
import type { SignedIn } from "../auth/current-user";
import { CatalogWriteError } from "../catalog/errors";
import { invalidateProducts } from "../catalog/mutations";
import { insertProduct, insertVariant, SKU_PATTERN } from "../catalog/product-create";
import { isSlug } from "../catalog/slug";
import { PRODUCT_STATUSES } from "../catalog/status";
import { db } from "../db";
import { plainText, rowIdSchema } from "../validation";
import { TRANSACTION_OPTIONS } from "../orders/stock";
import { appendAudit } from "./audit";

/**
 * New products and variants from the back office's forms: each with its audit entry in one transaction,
 * then invalidated on every instance. A new product starts as a draft unless said otherwise.
 */

/** An option's name or value: no `;` or `=`, which the CSV's `Size=M; Colour=Red` uses to part them. */
const optionText = (max: number) => plainText(1, max).refine((value) => !/[;=]/.test(value), "no ; or =");

export const newVariantSchema = z
  .object({
    sku: z.string().trim().regex(SKU_PATTERN, "letters, digits, dots, dashes and underscores"),
    options: z.record(optionText(40), optionText(80)),
    priceCents: z.number().int("whole cents").min(0).max(100_000_000),
    stock: z.number().int().min(0).max(1_000_000),
  })
  .strict();

export type NewVariantInput = z.output<typeof newVariantSchema>;

export const newProductSchema = z
  .object({
    slug: z.string().trim().refine(isSlug, "lowercase letters, digits and single dashes"),
    name: plainText(1, 200),
    description: plainText(1, 5_000),
    categoryId: rowIdSchema,
    status: z.enum(PRODUCT_STATUSES).default("draft"),
    optionNames: z
      .array(optionText(40))
      .max(5)
      .refine((names) => new Set(names).size === names.length, "each option once"),
    variant: newVariantSchema,
  })
  .strict();

export type NewProductInput = z.output<typeof newProductSchema>;

/** Answers the new product's id; throws CatalogWriteError for a slug or SKU in use, or an unknown category. */
export async function createProduct(actor: SignedIn, input: NewProductInput): Promise<number> {
  const category = await db.category.findUnique({ where: { id: input.categoryId }, select: { id: true } });
  if (!category) throw new CatalogWriteError("invalid_input", "categoryId: no such category");
  const id = await db.$transaction(async (tx) => {
    const { variant, ...product } = input;
    const created = await insertProduct(tx, { ...product, variants: [variant] });
    await appendAudit(tx, actor, {
      action: "product.create",
      objectType: "product",
      objectId: created.id,
      after: { ...product, variants: [variant] },
    });
    return created.id;
  }, TRANSACTION_OPTIONS);
  await invalidateProducts(id);
  return id;
}

/** Adds a variant to the product; answers its id. */
export async function addVariant(actor: SignedIn, productId: number, input: NewVariantInput): Promise<number> {
  const id = await db.$transaction(async (tx) => {
    const created = await insertVariant(tx, productId, input);
    await appendAudit(tx, actor, { action: "variant.add", objectType: "variant", objectId: created.id, after: input });
    return created.id;
  }, TRANSACTION_OPTIONS);
  await invalidateProducts(productId);
  return id;
}
