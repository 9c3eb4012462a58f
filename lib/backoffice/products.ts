import type { SignedIn } from "../auth/current-user";
import { invalidateProducts } from "../catalog/mutations";
import { editProduct, type EditableProduct, type ProductEdit } from "../catalog/product-edit";
import { statusName, storedStatus, type ProductStatusName } from "../catalog/status";
import { db } from "../db";
import { TRANSACTION_OPTIONS } from "../orders/stock";
import { appendAudit } from "./audit";
import { literally } from "./like";

/**
 * The back office's products: read from PostgreSQL, never from the cache (staff edit the truth), and
 * saved with the audit entry in one transaction, then invalidated on every instance.
 */

/** An admin's edit of a product's details and prices (lib/catalog/product-edit.ts). Throws CatalogWriteError. */
export async function saveProduct(actor: SignedIn, productId: number, edit: ProductEdit): Promise<EditableProduct> {
  const { after } = await db.$transaction(async (tx) => {
    const result = await editProduct(tx, productId, edit);
    await appendAudit(tx, actor, {
      action: "product.edit",
      objectType: "product",
      objectId: productId,
      before: { ...result.before },
      after: { ...result.after },
    });
    return result;
  }, TRANSACTION_OPTIONS);
  await invalidateProducts(productId);
  return after;
}

/** A product as its edit page shows it: details, version, images, and each variant's SKU, options, price, stock. */
export async function productForEdit(productId: number) {
  const row = await db.product.findUnique({
    where: { id: productId },
    select: {
      id: true,
      slug: true,
      name: true,
      description: true,
      status: true,
      version: true,
      currency: true,
      optionNames: true,
      category: { select: { id: true, name: true } },
      images: {
        select: { id: true, url: true, alt: true, width: true, height: true },
        orderBy: [{ position: "asc" }, { id: "asc" }],
      },
      variants: {
        select: { id: true, sku: true, options: true, priceCents: true, stock: true },
        orderBy: [{ position: "asc" }, { id: "asc" }],
      },
    },
  });
  if (!row) return null;
  return {
    ...row,
    status: statusName(row.status),
    variants: row.variants.map((variant) => ({ ...variant, options: variant.options as Record<string, string> })),
  };
}

export type ProductForEdit = NonNullable<Awaited<ReturnType<typeof productForEdit>>>;

/** Products for the back office's list: by name or SKU, status, category and stock, newest first. */
export async function findProducts(filter: {
  q?: string;
  status?: ProductStatusName;
  categoryId?: number;
  /** "in": some variant in stock; "out": every variant sold out. */
  stock?: "in" | "out";
  limit?: number;
}) {
  const q = filter.q?.trim();
  const rows = await db.product.findMany({
    where: {
      status: filter.status === undefined ? undefined : storedStatus(filter.status),
      categoryId: filter.categoryId,
      inStock: filter.stock === undefined ? undefined : filter.stock === "in",
      ...(q
        ? {
            OR: [
              { name: { contains: literally(q), mode: "insensitive" as const } },
              { variants: { some: { sku: { contains: literally(q), mode: "insensitive" as const } } } },
            ],
          }
        : {}),
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: filter.limit ?? 50,
    select: {
      id: true,
      name: true,
      status: true,
      currency: true,
      minPriceCents: true,
      category: { select: { name: true } },
      variants: { select: { stock: true } },
    },
  });
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    status: statusName(row.status),
    category: row.category.name,
    currency: row.currency,
    minPriceCents: row.minPriceCents,
    stock: row.variants.reduce((sum, variant) => sum + variant.stock, 0),
  }));
}
