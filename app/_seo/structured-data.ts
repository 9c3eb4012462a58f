import type { BreadcrumbList, ItemList, Organization, Product, SearchAction, WebSite, WithContext } from "schema-dts";
import type { ProductDetail, ProductSummary, Variant } from "@/lib/catalog/types";
import { decimalAmount } from "@/lib/money";
import { SITE_DESCRIPTION, SITE_NAME, siteUrl } from "./site";

/** Schema.org data for search engines, built from what the page shows (typed with schema-dts). */

const productUrl = (slug: string, sku?: string) =>
  siteUrl(`/products/${slug}${sku ? `?variant=${encodeURIComponent(sku)}` : ""}`);

/** The product with one Offer per variant, the selected variant's first (its price and availability). */
export function productJsonLd(product: ProductDetail, selected: Variant): WithContext<Product> {
  const variants = [selected, ...product.variants.filter((variant) => variant.id !== selected.id)];
  return {
    "@context": "https://schema.org",
    "@type": "Product",
    name: product.name,
    description: product.description,
    sku: selected.sku,
    url: productUrl(product.slug),
    image: product.images.map((image) => siteUrl(image.url)),
    category: product.category.name,
    brand: { "@type": "Brand", name: SITE_NAME },
    offers: variants.map((variant) => ({
      "@type": "Offer",
      sku: variant.sku,
      url: productUrl(product.slug, variant.sku),
      price: decimalAmount(variant.priceCents, product.currency),
      priceCurrency: product.currency,
      availability: variant.available ? "https://schema.org/InStock" : "https://schema.org/OutOfStock",
      itemCondition: "https://schema.org/NewCondition",
    })),
  };
}

export function breadcrumbJsonLd(trail: { name: string; path: string }[]): WithContext<BreadcrumbList> {
  return {
    "@context": "https://schema.org",
    "@type": "BreadcrumbList",
    itemListElement: trail.map((crumb, index) => ({
      "@type": "ListItem",
      position: index + 1,
      name: crumb.name,
      item: siteUrl(crumb.path),
    })),
  };
}

/** The products a listing page shows, in order; `offset` is the number shown on earlier pages. */
export function itemListJsonLd(products: ProductSummary[], offset: number): WithContext<ItemList> {
  return {
    "@context": "https://schema.org",
    "@type": "ItemList",
    itemListElement: products.map((product, index) => ({
      "@type": "ListItem",
      position: offset + index + 1,
      url: productUrl(product.slug),
      name: product.name,
    })),
  };
}

/** Google reads `query-input` (not in schema.org's vocabulary, so not in schema-dts' types). */
const siteSearch: SearchAction & { "query-input": string } = {
  "@type": "SearchAction",
  target: { "@type": "EntryPoint", urlTemplate: `${siteUrl("/products")}?q={search_term_string}` },
  "query-input": "required name=search_term_string",
};

export function homeJsonLd(): [WithContext<Organization>, WithContext<WebSite>] {
  return [
    {
      "@context": "https://schema.org",
      "@type": "Organization",
      name: SITE_NAME,
      url: siteUrl("/"),
      logo: siteUrl("/icon-512.png"),
    },
    {
      "@context": "https://schema.org",
      "@type": "WebSite",
      name: SITE_NAME,
      description: SITE_DESCRIPTION,
      url: siteUrl("/"),
      potentialAction: siteSearch,
    },
  ];
}
