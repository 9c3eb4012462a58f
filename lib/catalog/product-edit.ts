import { z } from "zod";
import type { Prisma } from "../generated/prisma/client.ts";
import { refreshProductSummaries } from "./denormalize";
import { plainText, rowIdSchema } from "../validation";
import { CatalogWriteError } from "./errors";
import { PRODUCT_STATUSES, statusName, storedStatus, type ProductStatusName } from "./status";

/**
 * A product's details and prices as the back office edits them, with optimistic concurrency: the form
 * carries the `version` it was opened at, and the save is one conditional UPDATE (`WHERE version = …`)
 * that bumps it. A save based on an outdated form changes nothing and says so (`edit_conflict`), never
 * overwrites what another admin saved in between. Stock is not part of the form: it moves by adjustments
 * (stock-adjust.ts), which add to whatever the row holds, so a checkout in between is never undone.
 */

export const productEditSchema = z
  .object({
    version: z.number().int().min(1).max(2_147_483_647),
    name: plainText(1, 200),
    description: plainText(1, 5_000),
    /** Left as it is when absent. */
    categoryId: rowIdSchema.optional(),
    status: z.enum(PRODUCT_STATUSES),
    variants: z
      .array(
        z
          .object({
            variantId: rowIdSchema,
            priceCents: z.number().int("whole cents").min(0).max(100_000_000),
          })
          .strict(),
      )
      .max(200),
  })
  .strict();

export type ProductEdit = z.output<typeof productEditSchema>;

/** What the edit form shows and saves. */
export interface EditableProduct {
  version: number;
  name: string;
  description: string;
  categoryId: number;
  status: ProductStatusName;
  variants: { variantId: number; priceCents: number }[];
}

async function readEditable(tx: Prisma.TransactionClient, productId: number): Promise<EditableProduct | null> {
  const row = await tx.product.findUnique({
    where: { id: productId },
    select: {
      version: true,
      name: true,
      description: true,
      categoryId: true,
      status: true,
      variants: { select: { id: true, priceCents: true }, orderBy: [{ position: "asc" }, { id: "asc" }] },
    },
  });
  if (!row) return null;
  return {
    version: row.version,
    name: row.name,
    description: row.description,
    categoryId: row.categoryId,
    status: statusName(row.status),
    variants: row.variants.map((variant) => ({ variantId: variant.id, priceCents: variant.priceCents })),
  };
}

/** Saves the edit inside the caller's transaction; answers the product before and after. */
export async function editProduct(
  tx: Prisma.TransactionClient,
  productId: number,
  edit: ProductEdit,
): Promise<{ before: EditableProduct; after: EditableProduct }> {
  const before = await readEditable(tx, productId);
  if (!before) throw new CatalogWriteError("not_found", `no product ${productId}`);
  if (edit.categoryId !== undefined && !(await tx.category.findUnique({ where: { id: edit.categoryId } }))) {
    throw new CatalogWriteError("invalid_input", "categoryId: no such category");
  }
  // Variants first, in id order, then the product row: the order in which checkout and stock adjustments
  // lock them (variants, then the product's summary), so an edit and a checkout never deadlock.
  for (const { variantId, priceCents } of [...edit.variants].sort((a, b) => a.variantId - b.variantId)) {
    const changed = await tx.variant.updateMany({ where: { id: variantId, productId }, data: { priceCents } });
    if (changed.count === 0) {
      throw new CatalogWriteError("not_found", `product ${productId} has no variant ${variantId}`);
    }
  }
  const { count } = await tx.product.updateMany({
    where: { id: productId, version: edit.version },
    data: {
      name: edit.name,
      description: edit.description,
      categoryId: edit.categoryId,
      status: storedStatus(edit.status),
      version: { increment: 1 },
    },
  });
  if (count === 0) {
    throw new CatalogWriteError("edit_conflict", "This product was changed since you opened it: reload to see it.");
  }
  await refreshProductSummaries(tx, [productId]);
  return { before, after: (await readEditable(tx, productId))! };
}
