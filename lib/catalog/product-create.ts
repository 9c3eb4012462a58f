import type { Prisma } from "../generated/prisma/client.ts";
import { refreshProductSummaries } from "./denormalize";
import { CatalogWriteError } from "./errors";
import { storedStatus, type ProductStatusName } from "./status";

/**
 * New products and new variants, in the caller's transaction. A slug or SKU already in use is refused
 * with a clear message (checked first). Two saves racing past the check meet the unique indexes: the
 * second fails, with the same 400 (lib/backoffice/http.ts); SKUs differing only in case are refused by
 * the check, not by an index. A variant's options must name exactly the product's options.
 */

/** A SKU: letters, digits, dots, dashes and underscores, starting with a letter or digit. */
export const SKU_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,159}$/;

export interface NewVariant {
  sku: string;
  options: Record<string, string>;
  priceCents: number;
  /** null: none yet. */
  stock: number | null;
}

export interface NewProduct {
  slug: string;
  name: string;
  description: string;
  categoryId: number;
  status: ProductStatusName;
  optionNames: string[];
  variants: NewVariant[];
}

/** A variant's options as one comparable string: two variants of a product never share it. */
export const optionsKey = (options: Record<string, string>) => JSON.stringify(Object.entries(options).sort());

const describeOptions = (options: Record<string, string>) =>
  Object.entries(options)
    .map(([name, value]) => `${name}=${value}`)
    .join(", ") || "no options";

/** Whether two lists name the same options, in any order. */
export const sameNames = (a: string[], b: string[]) => [...a].sort().join("\n") === [...b].sort().join("\n");

function checkOptions(optionNames: string[], variant: NewVariant): void {
  if (!sameNames(Object.keys(variant.options), optionNames)) {
    throw new CatalogWriteError(
      "invalid_input",
      `options of ${variant.sku}: a value for each of ${optionNames.join(", ") || "no option"}`,
    );
  }
}

async function checkSkusFree(tx: Prisma.TransactionClient, skus: string[]): Promise<void> {
  const taken = await tx.variant.findFirst({
    where: { sku: { in: skus, mode: "insensitive" } },
    select: { sku: true },
  });
  if (taken) throw new CatalogWriteError("invalid_input", `sku: ${taken.sku} is already in use`);
}

/** Creates the product with its variants (the first is its default); answers it with its variants. */
export async function insertProduct(tx: Prisma.TransactionClient, product: NewProduct) {
  if (product.variants.length === 0) throw new CatalogWriteError("invalid_input", "variants: at least one");
  const keys = new Set<string>();
  for (const variant of product.variants) {
    checkOptions(product.optionNames, variant);
    if (keys.has(optionsKey(variant.options))) {
      throw new CatalogWriteError("invalid_input", `options: two variants are ${describeOptions(variant.options)}`);
    }
    keys.add(optionsKey(variant.options));
  }
  if (await tx.product.findUnique({ where: { slug: product.slug }, select: { id: true } })) {
    throw new CatalogWriteError("invalid_input", `slug: ${product.slug} is already in use`);
  }
  await checkSkusFree(
    tx,
    product.variants.map((variant) => variant.sku),
  );
  const created = await tx.product.create({
    data: {
      slug: product.slug,
      name: product.name,
      description: product.description,
      categoryId: product.categoryId,
      status: storedStatus(product.status),
      optionNames: product.optionNames,
      // Set from the variants just below, in this transaction.
      minPriceCents: 0,
      inStock: false,
      variants: {
        create: product.variants.map((variant, position) => ({
          sku: variant.sku,
          options: variant.options,
          priceCents: variant.priceCents,
          stock: variant.stock ?? 0,
          position,
        })),
      },
    },
    select: { id: true, variants: { orderBy: { position: "asc" } } },
  });
  await tx.product.update({ where: { id: created.id }, data: { defaultVariantId: created.variants[0].id } });
  await refreshProductSummaries(tx, [created.id]);
  return created;
}

/**
 * Adds a variant as the product's last. The product's version stays: an edit form opened before saves
 * only the prices it shows, so it cannot undo the new variant.
 */
export async function insertVariant(tx: Prisma.TransactionClient, productId: number, variant: NewVariant) {
  const [product] = await tx.$queryRaw<{ optionNames: string[] }[]>`
    SELECT option_names AS "optionNames" FROM products WHERE id = ${productId} FOR NO KEY UPDATE`;
  if (!product) throw new CatalogWriteError("not_found", `no product ${productId}`);
  checkOptions(product.optionNames, variant);
  const siblings = await tx.variant.findMany({ where: { productId }, select: { sku: true, options: true } });
  const twin = siblings.find(
    (sibling) => optionsKey(sibling.options as Record<string, string>) === optionsKey(variant.options),
  );
  if (twin)
    throw new CatalogWriteError("invalid_input", `options: ${twin.sku} is already ${describeOptions(variant.options)}`);
  await checkSkusFree(tx, [variant.sku]);
  const last = await tx.variant.aggregate({ where: { productId }, _max: { position: true } });
  const created = await tx.variant.create({
    data: {
      productId,
      sku: variant.sku,
      options: variant.options,
      priceCents: variant.priceCents,
      stock: variant.stock ?? 0,
      position: (last._max.position ?? -1) + 1,
    },
  });
  await refreshProductSummaries(tx, [productId]);
  return created;
}
