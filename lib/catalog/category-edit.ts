import { z } from "zod";
import type { Prisma } from "../generated/prisma/client.ts";
import { plainText } from "../validation";
import { CatalogWriteError } from "./errors";
import { isSlug } from "./slug";

/**
 * Categories as the back office makes and changes them, in the caller's transaction. A category's slug is
 * chosen once (its page's address never moves); its name, description and place in the menu change.
 */

const categoryFields = {
  name: plainText(1, 80),
  description: plainText(1, 1_000),
  position: z.number().int().min(0).max(10_000),
};

export const newCategorySchema = z
  .object({ slug: z.string().trim().refine(isSlug, "lowercase letters, digits and single dashes"), ...categoryFields })
  .strict();
export const categoryEditSchema = z.object(categoryFields).strict();

export type NewCategory = z.output<typeof newCategorySchema>;
export type CategoryEdit = z.output<typeof categoryEditSchema>;

const FIELDS = { id: true, slug: true, name: true, description: true, position: true } as const;

export async function insertCategory(tx: Prisma.TransactionClient, category: NewCategory) {
  if (await tx.category.findUnique({ where: { slug: category.slug }, select: { id: true } })) {
    throw new CatalogWriteError("invalid_input", `slug: ${category.slug} is already in use`);
  }
  return tx.category.create({ data: category, select: FIELDS });
}

/** Answers the category before and after the change. */
export async function updateCategory(tx: Prisma.TransactionClient, id: number, edit: CategoryEdit) {
  const before = await tx.category.findUnique({ where: { id }, select: FIELDS });
  if (!before) throw new CatalogWriteError("not_found", `no category ${id}`);
  const after = await tx.category.update({ where: { id }, data: edit, select: FIELDS });
  return { before, after };
}
