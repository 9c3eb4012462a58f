import { db } from "../db";
import { statusName } from "../catalog/status";
import { formatCsv } from "../csv/format";

/**
 * The catalog as CSV, one row per variant, the product's own fields repeated on each of its rows: what
 * the back office exports and imports (catalog-import.ts). Prices are in the currency's units with two
 * decimals (`12.50`); options are `Name=Value` pairs separated by `; ` (`Size=M; Colour=Red`). A variant's
 * stock is written twice: `stock`, to be edited, and `stock_at_export`, to be left alone: the import applies
 * the difference between them, so that what checkouts sold since the export is never undone.
 */

export const CSV_COLUMNS = [
  "product_slug",
  "name",
  "description",
  "category",
  "status",
  "sku",
  "options",
  "price",
  "stock",
  "stock_at_export",
] as const;

export type CsvColumn = (typeof CSV_COLUMNS)[number];

export const formatPrice = (cents: number) => (cents / 100).toFixed(2);

export const formatOptions = (options: Record<string, string>, names: string[]) =>
  names.map((name) => `${name}=${options[name] ?? ""}`).join("; ");

/** Every product and variant, oldest product first, variants in their order. */
export async function exportCatalogCsv(): Promise<string> {
  const products = await db.product.findMany({
    orderBy: { id: "asc" },
    select: {
      slug: true,
      name: true,
      description: true,
      status: true,
      optionNames: true,
      category: { select: { slug: true } },
      variants: {
        select: { sku: true, options: true, priceCents: true, stock: true },
        orderBy: [{ position: "asc" }, { id: "asc" }],
      },
    },
  });
  const rows: (string | number)[][] = [[...CSV_COLUMNS]];
  for (const product of products) {
    for (const variant of product.variants) {
      rows.push([
        product.slug,
        product.name,
        product.description,
        product.category.slug,
        statusName(product.status),
        variant.sku,
        formatOptions(variant.options as Record<string, string>, product.optionNames),
        formatPrice(variant.priceCents),
        variant.stock,
        variant.stock,
      ]);
    }
  }
  return formatCsv(rows);
}
