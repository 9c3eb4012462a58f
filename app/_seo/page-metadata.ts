import type { Metadata } from "next";
import type { Category, ProductDetail } from "@/lib/catalog/types";
import { decimalAmount } from "@/lib/money";
import { listingCanonical, NOT_INDEXED, SITE_NAME } from "./site";

/** Titles, descriptions, canonical URLs and share cards of the catalog's pages. */

const summary = (text: string) => (text.length > 160 ? `${text.slice(0, 157).trimEnd()}…` : text);

/** A product's page: canonical without `?variant=`, its own image and price on the share card. */
export function productMetadata(product: ProductDetail): Metadata {
  const path = `/products/${product.slug}`;
  const image = product.images[0];
  const images = image ? [{ url: image.url, width: image.width, height: image.height, alt: image.alt }] : undefined;
  return {
    title: product.name,
    description: summary(product.description),
    alternates: { canonical: path },
    openGraph: {
      type: "website",
      siteName: SITE_NAME,
      url: path,
      title: product.name,
      description: summary(product.description),
      images,
    },
    twitter: { card: "summary_large_image", title: product.name, images },
    other: {
      "product:price:amount": decimalAmount(product.minPriceCents, product.currency),
      "product:price:currency": product.currency,
      "product:availability": product.inStock ? "in stock" : "out of stock",
    },
  };
}

/** A category's page (page 2 and later are canonical to themselves). */
export function categoryMetadata(category: Category, page: number): Metadata {
  const path = `/categories/${category.slug}`;
  return {
    title: page > 1 ? `${category.name} (page ${page})` : category.name,
    description: summary(category.description),
    alternates: { canonical: listingCanonical(path, { page }) },
    openGraph: { type: "website", siteName: SITE_NAME, url: listingCanonical(path, { page }), title: category.name },
  };
}

/** /products: all products, or one category through `?category=`; search results are not indexed. */
export function productsMetadata(query: { q?: string; category?: string; page: number } | null): Metadata {
  if (!query) return { title: "All products", robots: NOT_INDEXED };
  if (query.q) return { title: `Search: ${query.q}`, robots: NOT_INDEXED };
  const canonical = listingCanonical("/products", query);
  return {
    title: query.page > 1 ? `All products (page ${query.page})` : "All products",
    alternates: { canonical },
    openGraph: { type: "website", siteName: SITE_NAME, url: canonical, title: "All products" },
  };
}
