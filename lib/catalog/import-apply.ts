import type { Prisma } from "../generated/prisma/client.ts";
import type { ProductStatus } from "../generated/prisma/enums.ts";
import { refreshProductSummaries } from "./denormalize";
import { CatalogWriteError } from "./errors";
import { insertProduct, optionsKey, sameNames, type NewProduct, type NewVariant } from "./product-create";
import { storedStatus } from "./status";

/**
 * A catalog import applied inside the caller's transaction: products matched by slug and variants by SKU,
 * created when new, changed where they differ, left alone (no write, no version bump) where they do not.
 * Variants not in the import are kept.
 *
 * Stock moves by the change the file makes to it (`stock` less `stockAtExport`), added to whatever the row
 * holds when the update runs, like a stock adjustment: what checkouts sold since the export stays sold, and
 * a change that would take the stock below zero refuses the import. Nothing is locked before it is written;
 * variants are written in id order (checkout's order), then their products, so the two never deadlock.
 * Every changed product's version is bumped, so an edit form opened before the import cannot overwrite it.
 */

export interface ImportedVariant extends NewVariant {
  /** The stock the export saw (null: a new variant, whose `stock` is its stock). */
  stockAtExport: number | null;
}

export interface ImportedProduct extends Omit<NewProduct, "variants"> {
  variants: ImportedVariant[];
}

/** One product's change, for the audit log: its fields and variants before (null: created) and after. */
export interface ImportedChange {
  productId: number;
  before: Prisma.InputJsonObject | null;
  after: Prisma.InputJsonObject;
}

export interface ImportOutcome {
  created: { products: number; variants: number };
  updated: { products: number; variants: number };
  unchanged: { products: number; variants: number };
  changes: ImportedChange[];
}

type StoredVariant = {
  id: number;
  sku: string;
  productId: number;
  priceCents: number;
  stock: number;
  options: unknown;
};

const variantView = (v: { sku: string; options: unknown; priceCents: number; stock: number }) => ({
  sku: v.sku,
  options: v.options as Prisma.InputJsonObject,
  priceCents: v.priceCents,
  stock: v.stock,
});
const VARIANT_FIELDS = { id: true, sku: true, productId: true, priceCents: true, stock: true, options: true } as const;

/** How far the file moves an existing variant's stock. */
const stockChange = (next: ImportedVariant) =>
  next.stock === null || next.stockAtExport === null ? 0 : next.stock - next.stockAtExport;

export async function applyCatalogImport(
  tx: Prisma.TransactionClient,
  products: ImportedProduct[],
): Promise<ImportOutcome> {
  const outcome: ImportOutcome = {
    created: { products: 0, variants: 0 },
    updated: { products: 0, variants: 0 },
    unchanged: { products: 0, variants: 0 },
    changes: [],
  };
  const existing = await tx.product.findMany({
    where: { slug: { in: products.map((product) => product.slug) } },
    select: { id: true, slug: true, name: true, description: true, categoryId: true, status: true, optionNames: true },
  });
  const bySlug = new Map(existing.map((product) => [product.slug, product]));
  const stored = await tx.variant.findMany({
    where: { sku: { in: products.flatMap((product) => product.variants.map((variant) => variant.sku)) } },
    select: VARIANT_FIELDS,
  });
  const bySku = new Map(stored.map((variant) => [variant.sku, variant]));

  const variantWrites: { variant: StoredVariant; next: ImportedVariant }[] = [];
  for (const product of products) {
    for (const next of product.variants) {
      const variant = bySku.get(next.sku);
      if (!variant) continue;
      if (variant.productId !== bySlug.get(product.slug)?.id) {
        throw new CatalogWriteError("invalid_input", `SKU ${next.sku} belongs to another product`);
      }
      const same =
        variant.priceCents === next.priceCents &&
        stockChange(next) === 0 &&
        optionsKey(variant.options as Record<string, string>) === optionsKey(next.options);
      if (same) outcome.unchanged.variants++;
      else variantWrites.push({ variant, next });
    }
  }
  for (const { variant, next } of variantWrites.sort((a, b) => a.variant.id - b.variant.id)) {
    const change = stockChange(next);
    // Conditional, like a stock adjustment: it adds to the stock the row holds now, never below zero.
    const { count } = await tx.variant.updateMany({
      where: { id: variant.id, stock: { gte: -change } },
      data: { priceCents: next.priceCents, options: next.options, stock: { increment: change } },
    });
    if (count === 0) {
      throw new CatalogWriteError(
        "insufficient_stock",
        `${next.sku}: the import takes ${-change} from a smaller stock`,
      );
    }
    outcome.updated.variants++;
  }

  const touched = new Set(variantWrites.map(({ variant }) => variant.productId));
  for (const product of [...products].sort((a, b) => (bySlug.get(a.slug)?.id ?? 0) - (bySlug.get(b.slug)?.id ?? 0))) {
    const row = bySlug.get(product.slug);
    if (row) await updateProduct(tx, row, product, bySku, touched, outcome);
    else await createProduct(tx, product, outcome);
  }
  const changed = [...touched, ...outcome.changes.map((change) => change.productId)];
  await refuseTwinVariants(tx, changed);
  await refreshProductSummaries(tx, changed);
  return outcome;
}

/** The import as a whole must leave no product with two variants of the same options (it rolls back). */
async function refuseTwinVariants(tx: Prisma.TransactionClient, productIds: number[]): Promise<void> {
  if (productIds.length === 0) return;
  const twins = await tx.$queryRaw<{ slug: string }[]>`
    SELECT p.slug FROM variants v JOIN products p ON p.id = v.product_id
    WHERE v.product_id = ANY(${productIds})
    GROUP BY p.slug, v.options HAVING count(*) > 1 LIMIT 1`;
  if (twins.length > 0) {
    throw new CatalogWriteError("invalid_input", `two variants of ${twins[0].slug} would have the same options`);
  }
}

type StoredProduct = {
  id: number;
  name: string;
  description: string;
  categoryId: number;
  status: ProductStatus;
  optionNames: string[];
};

async function updateProduct(
  tx: Prisma.TransactionClient,
  row: StoredProduct,
  product: ImportedProduct,
  bySku: Map<string, StoredVariant>,
  touched: Set<number>,
  outcome: ImportOutcome,
): Promise<void> {
  if (!sameNames(row.optionNames, product.optionNames)) {
    throw new CatalogWriteError(
      "invalid_input",
      `${product.slug} varies by ${row.optionNames.join(", ") || "nothing"}`,
    );
  }
  const added = product.variants.filter((variant) => !bySku.has(variant.sku));
  const fieldsChanged =
    row.name !== product.name ||
    row.description !== product.description ||
    row.categoryId !== product.categoryId ||
    row.status !== storedStatus(product.status);
  if (!fieldsChanged && added.length === 0 && !touched.has(row.id)) {
    outcome.unchanged.products++;
    return;
  }
  const order = [{ position: "asc" as const }, { id: "asc" as const }];
  // Read after this import's variant updates: the values before them are those read before the updates.
  const variantsBefore = await tx.variant.findMany({ where: { productId: row.id }, orderBy: order });
  const before = {
    name: row.name,
    description: row.description,
    categoryId: row.categoryId,
    status: row.status,
    variants: variantsBefore.map((variant) => variantView(bySku.get(variant.sku) ?? variant)),
  };
  const last = variantsBefore.at(-1)?.position ?? 0;
  await tx.variant.createMany({
    data: added.map((variant, index) => ({
      productId: row.id,
      sku: variant.sku,
      options: variant.options,
      priceCents: variant.priceCents,
      stock: variant.stock ?? 0,
      position: last + index + 1,
    })),
  });
  await tx.product.update({ where: { id: row.id }, data: { ...fieldsOf(product), version: { increment: 1 } } });
  outcome.created.variants += added.length;
  outcome.updated.products++;
  const after = await tx.variant.findMany({ where: { productId: row.id }, orderBy: order });
  outcome.changes.push({
    productId: row.id,
    before,
    after: { ...fieldsOf(product), variants: after.map(variantView) },
  });
}

const fieldsOf = (product: ImportedProduct) => ({
  name: product.name,
  description: product.description,
  categoryId: product.categoryId,
  status: storedStatus(product.status),
});

async function createProduct(tx: Prisma.TransactionClient, product: ImportedProduct, outcome: ImportOutcome) {
  const created = await insertProduct(tx, product);
  outcome.created.products++;
  outcome.created.variants += created.variants.length;
  outcome.changes.push({
    productId: created.id,
    before: null,
    after: { ...fieldsOf(product), variants: created.variants.map(variantView) },
  });
}
