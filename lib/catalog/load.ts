import { db } from "../db";
import { Prisma } from "../generated/prisma/client.ts";
import type { ListingQuery, Sort } from "./listing-query";
import type { ProductStatus, Variant as VariantRow } from "../generated/prisma/client.ts";
import type { Category, Listing, ProductDetail, ProductSummary, Variant, VariantWithProduct } from "./types";

/**
 * The catalog's reads from PostgreSQL, uncached. lib/catalog/queries.ts calls them through the cache;
 * checkout calls loadVariant directly, to price from the truth.
 */

const summarySelect = {
  id: true,
  slug: true,
  name: true,
  currency: true,
  minPriceCents: true,
  inStock: true,
  images: { select: { url: true, alt: true, width: true, height: true }, orderBy: { position: "asc" }, take: 1 },
} satisfies Prisma.ProductSelect;

type SummaryRow = Prisma.ProductGetPayload<{ select: typeof summarySelect }>;

function toStatus(status: ProductStatus): ProductDetail["status"] {
  // Only an active product is for sale: a draft is not shown yet, an archived one no longer.
  return status === "ACTIVE" ? "active" : "archived";
}

function toVariant(row: VariantRow): Variant {
  return {
    id: row.id,
    sku: row.sku,
    options: row.options as Record<string, string>,
    priceCents: row.priceCents,
    stock: row.stock,
    available: row.stock > 0,
  };
}

function toSummary({ images, ...product }: SummaryRow): ProductSummary {
  return { ...product, image: images[0] ?? null };
}

async function summariesInOrder(ids: number[]): Promise<ProductSummary[]> {
  if (ids.length === 0) return [];
  const rows = await db.product.findMany({ where: { id: { in: ids } }, select: summarySelect });
  const byId = new Map(rows.map((row) => [row.id, toSummary(row)]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

/** An active product's summary, or null (unknown or archived). */
export async function loadActiveSummary(id: number): Promise<ProductSummary | null> {
  const row = await db.product.findFirst({ where: { id, status: "ACTIVE" }, select: summarySelect });
  return row ? toSummary(row) : null;
}

export async function loadProductBySlug(slug: string): Promise<ProductDetail | null> {
  const row = await db.product.findUnique({
    where: { slug },
    include: {
      category: { select: { slug: true, name: true } },
      images: { select: { url: true, alt: true, width: true, height: true }, orderBy: { position: "asc" } },
      variants: { orderBy: [{ position: "asc" }, { id: "asc" }] },
    },
  });
  if (!row) return null;
  const variants = row.variants.map(toVariant);
  // Option values in the order the variants first use them.
  const options = row.optionNames.map((name) => ({
    name,
    values: [...new Set(variants.map((variant) => variant.options[name]).filter((value) => value !== undefined))],
  }));
  return {
    id: row.id,
    slug: row.slug,
    name: row.name,
    description: row.description,
    status: toStatus(row.status),
    category: row.category,
    images: row.images,
    currency: row.currency,
    minPriceCents: row.minPriceCents,
    inStock: row.inStock,
    defaultVariantId: row.defaultVariantId,
    options,
    variants,
    updatedAt: row.updatedAt,
  };
}

const NEWEST = Prisma.sql`p.created_at DESC, p.id DESC`;
const ORDER_BY: Record<Exclude<Sort, "trending">, Prisma.Sql> = {
  "price-asc": Prisma.sql`p.min_price_cents ASC, p.id ASC`,
  "price-desc": Prisma.sql`p.min_price_cents DESC, p.id ASC`,
  newest: NEWEST,
  name: Prisma.sql`p.name ASC, p.id ASC`,
};

/** `sort=trending`: the ranked products in their order, then every other one, newest first. */
function rankedFirst(ranking: readonly number[]): Prisma.Sql {
  return Prisma.sql`array_position(${[...ranking]}::int[], p.id) ASC NULLS LAST, ${NEWEST}`;
}

/**
 * One page of active products: filtered by category, matched by full-text search, sorted. `sort=trending`
 * orders by `ranking` (product ids, first first), which the caller reads (lib/shop/listing.ts).
 */
export async function loadListing(query: ListingQuery, ranking: readonly number[] = []): Promise<Listing> {
  const tsquery = query.q ? Prisma.sql`websearch_to_tsquery('english', ${query.q})` : null;
  const conditions = [Prisma.sql`p.status = 'active'`];
  if (query.category) conditions.push(Prisma.sql`c.slug = ${query.category}`);
  if (tsquery) conditions.push(Prisma.sql`p.search_vector @@ ${tsquery}`);
  const where = Prisma.join(conditions, " AND ");
  // Without an explicit sort, a search ranks by relevance (name matches above description matches).
  const orderBy =
    query.sort === "trending"
      ? rankedFirst(ranking)
      : query.sort || !tsquery
        ? ORDER_BY[query.sort ?? "newest"]
        : Prisma.sql`ts_rank(p.search_vector, ${tsquery}) DESC, p.id ASC`;
  const from = Prisma.sql`FROM products p JOIN categories c ON c.id = p.category_id WHERE ${where}`;

  const [page, [{ total }]] = await Promise.all([
    db.$queryRaw<{ id: number }[]>`SELECT p.id ${from} ORDER BY ${orderBy}
      LIMIT ${query.pageSize} OFFSET ${(query.page - 1) * query.pageSize}`,
    db.$queryRaw<{ total: number }[]>`SELECT count(*)::int AS total ${from}`,
  ]);
  return {
    products: await summariesInOrder(page.map((row) => row.id)),
    page: query.page,
    pageSize: query.pageSize,
    total,
  };
}

export async function loadCategories(): Promise<Category[]> {
  const rows = await db.category.findMany({
    orderBy: [{ position: "asc" }, { name: "asc" }],
    select: {
      slug: true,
      name: true,
      description: true,
      _count: { select: { products: { where: { status: "ACTIVE" } } } },
    },
  });
  return rows.map(({ _count, ...category }) => ({ ...category, productCount: _count.products }));
}

export async function loadFeatured(limit: number): Promise<ProductSummary[]> {
  const rows = await db.product.findMany({
    where: { status: "ACTIVE", featured: true },
    orderBy: [{ inStock: "desc" }, { createdAt: "desc" }, { id: "asc" }],
    take: limit,
    select: summarySelect,
  });
  return rows.map(toSummary);
}

/** Other active products of the same category, nearest in price first. */
export async function loadRelated(productId: number, limit: number): Promise<ProductSummary[]> {
  const rows = await db.$queryRaw<{ id: number }[]>`
    SELECT p.id FROM products p JOIN products self ON self.id = ${productId}
    WHERE p.category_id = self.category_id AND p.id <> self.id AND p.status = 'active'
    ORDER BY p.in_stock DESC, abs(p.min_price_cents - self.min_price_cents) ASC, p.id ASC
    LIMIT ${limit}`;
  return summariesInOrder(rows.map((row) => row.id));
}

export async function loadVariant(variantId: number): Promise<VariantWithProduct | null> {
  const row = await db.variant.findUnique({
    where: { id: variantId },
    include: {
      product: {
        select: {
          id: true,
          slug: true,
          name: true,
          status: true,
          currency: true,
          images: {
            select: { url: true, alt: true, width: true, height: true },
            orderBy: { position: "asc" },
            take: 1,
          },
        },
      },
    },
  });
  if (!row) return null;
  const { images, status, ...product } = row.product;
  return { ...toVariant(row), product: { ...product, status: toStatus(status), image: images[0] ?? null } };
}
