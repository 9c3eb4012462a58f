import { cache } from "../cache";
import { db } from "../db";
import { cacheNames, cacheTags } from "./cache-keys";

/**
 * What the sitemaps list, through lib/cache: every active product, every category with active products,
 * and when each last changed. Cached under `sitemap:*` with the tag `listings`, which every catalog write
 * invalidates, so an archived product leaves the sitemap at the next read.
 *
 * | read                 | key                   | tags     | ttl  | grace |
 * | the outline          | sitemap:outline       | listings | 3600 | 86400 |
 * | one products sitemap | sitemap:products:<n>  | listings | 3600 | 86400 |
 */

const SITEMAP = { ttl: 3600, grace: 86_400, timeout: 150, hardTimeout: 10_000, tags: [cacheTags.listings] };
/** The most URLs one sitemap file may hold (the sitemaps protocol's limit). */
export const URLS_PER_SITEMAP = 50_000;

export interface SitemapEntry {
  path: string;
  lastModified: Date;
}

export interface SitemapOutline {
  /** How many product sitemaps there are (`sitemap:products:0` … `n - 1`). */
  productSitemaps: number;
  /** The home page, /products and each category's page, with the newest change among their products. */
  landingPages: SitemapEntry[];
}

async function loadOutline(): Promise<SitemapOutline> {
  const active = { status: "ACTIVE" } as const;
  const [count, newest, perCategory, categories] = await Promise.all([
    db.product.count({ where: active }),
    db.product.aggregate({ where: active, _max: { updatedAt: true } }),
    db.product.groupBy({ by: ["categoryId"], where: active, _max: { updatedAt: true } }),
    db.category.findMany({ orderBy: [{ position: "asc" }, { name: "asc" }], select: { id: true, slug: true } }),
  ]);
  const latest = newest._max.updatedAt ?? new Date(0);
  const changed = new Map(perCategory.map((row) => [row.categoryId, row._max.updatedAt]));
  const landingPages = [
    { path: "/", lastModified: latest },
    { path: "/products", lastModified: latest },
    ...categories.flatMap((category) => {
      const lastModified = changed.get(category.id);
      return lastModified ? [{ path: `/categories/${category.slug}`, lastModified }] : [];
    }),
  ];
  return { productSitemaps: Math.max(1, Math.ceil(count / URLS_PER_SITEMAP)), landingPages };
}

async function loadProducts(index: number): Promise<SitemapEntry[]> {
  const rows = await db.product.findMany({
    where: { status: "ACTIVE" },
    orderBy: { id: "asc" },
    skip: index * URLS_PER_SITEMAP,
    take: URLS_PER_SITEMAP,
    select: { slug: true, updatedAt: true },
  });
  return rows.map((row) => ({ path: `/products/${row.slug}`, lastModified: row.updatedAt }));
}

export async function getSitemapOutline(): Promise<SitemapOutline> {
  return (await cache.getOrSet({ key: cacheNames.sitemap("outline"), ...SITEMAP, load: loadOutline })).value;
}

/** The products of sitemap `index` (empty past the last one). */
export async function getSitemapProducts(index: number): Promise<SitemapEntry[]> {
  const { value } = await cache.getOrSet({
    key: cacheNames.sitemap(`products:${index}`),
    ...SITEMAP,
    load: () => loadProducts(index),
  });
  return value;
}
