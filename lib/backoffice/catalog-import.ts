import type { SignedIn } from "../auth/current-user";
import { optionsKey, sameNames } from "../catalog/product-create";
import { applyCatalogImport, type ImportedProduct, type ImportOutcome } from "../catalog/import-apply";
import { invalidateProducts } from "../catalog/mutations";
import { db } from "../db";
import { appendAudit } from "./audit";
import { readImportRows, type ImportRow, type Refusal } from "./catalog-import-rows";

/**
 * A CSV import of products and variants (the columns of catalog-csv.ts), all or nothing: every row is
 * checked first (its fields, against the other rows, and against the catalog: categories that exist, SKUs
 * not held by another product, a product's option names), and one refused row refuses the import, with a
 * report of every refused row and why. Then it is applied in one transaction with an audit entry per
 * changed product, and the changed products are invalidated on every instance (data and pages).
 */

/** An import of thousands of rows takes longer than a checkout: it may wait and run longer. */
const IMPORT_TRANSACTION = { maxWait: 10_000, timeout: 60_000 };

export type ImportResult =
  | { kind: "imported"; outcome: Omit<ImportOutcome, "changes"> }
  | { kind: "unreadable"; message: string }
  | { kind: "refused"; refused: Refusal[] };

/** The problems only the catalog can show: a category that does not exist, a SKU another product holds. */
async function catalogProblems(rows: ImportRow[]): Promise<{ refused: Refusal[]; categoryIds: Map<string, number> }> {
  const [categories, variants, products] = await Promise.all([
    db.category.findMany({ where: { slug: { in: [...new Set(rows.map((row) => row.category))] } } }),
    db.variant.findMany({
      where: { sku: { in: rows.map((row) => row.sku), mode: "insensitive" } },
      select: { sku: true, product: { select: { slug: true } } },
    }),
    db.product.findMany({
      where: { slug: { in: [...new Set(rows.map((row) => row.slug))] } },
      select: { slug: true, optionNames: true, variants: { select: { sku: true, options: true } } },
    }),
  ]);
  const categoryIds = new Map(categories.map((category) => [category.slug, category.id]));
  // SKUs are one whatever their case: GR-1 and gr-1 would be two rows a shopper cannot tell apart.
  const holder = new Map(variants.map((variant) => [variant.sku.toUpperCase(), variant]));
  const optionNames = new Map(products.map((product) => [product.slug, product.optionNames]));
  const leftOut = leftOutOptions(products, rows);
  const refused: Refusal[] = [];
  for (const row of rows) {
    const problems: string[] = [];
    if (!categoryIds.has(row.category)) problems.push(`category: no category ${row.category}`);
    const held = holder.get(row.sku.toUpperCase());
    if (held && held.product.slug !== row.slug) {
      problems.push(`sku: ${held.sku} belongs to product ${held.product.slug}`);
    } else if (held && held.sku !== row.sku) {
      problems.push(`sku: the catalog writes it ${held.sku}; use that case`);
    }
    if (held?.product.slug === row.slug && row.stock !== null && row.stockAtExport === null) {
      problems.push("stock_at_export: needed to change the stock of a variant that exists (the export writes it)");
    }
    const names = optionNames.get(row.slug);
    if (names && !sameNames(names, row.optionNames)) {
      problems.push(`options: ${row.slug} varies by ${names.join(", ") || "nothing"}`);
    }
    const twin = leftOut.get(row.slug)?.get(optionsKey(row.options));
    if (twin) problems.push(`options: the same as ${twin}'s, of the same product`);
    if (problems.length > 0) refused.push({ line: row.line, sku: row.sku, problems });
  }
  return { refused, categoryIds };
}

/**
 * Per product, the options of its stored variants that the file leaves out (options → SKU): a row giving
 * a variant one of them would make two variants alike. The file's own rows are compared with each other in
 * catalog-import-rows.ts. Built once, so that each row is one lookup.
 */
function leftOutOptions(
  products: { slug: string; variants: { sku: string; options: unknown }[] }[],
  rows: ImportRow[],
): Map<string, Map<string, string>> {
  const inFile = new Set(rows.map((row) => `${row.slug}\n${row.sku.toUpperCase()}`));
  return new Map(
    products.map((product) => [
      product.slug,
      new Map(
        product.variants
          .filter((variant) => !inFile.has(`${product.slug}\n${variant.sku.toUpperCase()}`))
          .map((variant) => [optionsKey(variant.options as Record<string, string>), variant.sku]),
      ),
    ]),
  );
}

/** The rows grouped into products, in the order the file first names them. */
function productsOf(rows: ImportRow[], categoryIds: Map<string, number>): ImportedProduct[] {
  const products = new Map<string, ImportedProduct>();
  for (const row of rows) {
    let product = products.get(row.slug);
    if (!product) {
      product = {
        slug: row.slug,
        name: row.name,
        description: row.description,
        categoryId: categoryIds.get(row.category)!,
        status: row.status,
        optionNames: row.optionNames,
        variants: [],
      };
      products.set(row.slug, product);
    }
    const { sku, options, priceCents, stock, stockAtExport } = row;
    product.variants.push({ sku, options, priceCents, stock, stockAtExport });
  }
  return [...products.values()];
}

export async function importCatalogCsv(actor: SignedIn, text: string): Promise<ImportResult> {
  const read = readImportRows(text);
  if (!read.ok) return { kind: "unreadable", message: read.message };
  const checked = await catalogProblems(read.rows);
  const refused = mergeRefusals([...read.refused, ...checked.refused]);
  if (refused.length > 0) return { kind: "refused", refused };
  const { changes, ...outcome } = await db.$transaction(async (tx) => {
    const applied = await applyCatalogImport(tx, productsOf(read.rows, checked.categoryIds));
    for (const change of applied.changes) {
      await appendAudit(tx, actor, {
        action: change.before ? "product.import" : "product.create",
        objectType: "product",
        objectId: change.productId,
        before: change.before ?? undefined,
        after: change.after,
      });
    }
    return applied;
  }, IMPORT_TRANSACTION);
  if (changes.length > 0) await invalidateProducts(...changes.map((change) => change.productId));
  return { kind: "imported", outcome };
}

/** One entry per line, its problems together, in line order. */
function mergeRefusals(refusals: Refusal[]): Refusal[] {
  const byLine = new Map<number, Refusal>();
  for (const refusal of refusals) {
    const seen = byLine.get(refusal.line);
    if (seen) seen.problems.push(...refusal.problems);
    else byLine.set(refusal.line, { ...refusal, problems: [...refusal.problems] });
  }
  return [...byLine.values()].sort((a, b) => a.line - b.line);
}
