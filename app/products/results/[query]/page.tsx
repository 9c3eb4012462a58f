import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { parseListingQuery } from "@/lib/catalog/listing-query";
import { listCategories } from "@/lib/catalog/queries";
import { listShopProducts } from "@/lib/shop/listing";
import { listingSearchOf } from "@/lib/page-cache/cached-paths";
import { describeIssues } from "@/lib/validation";
import { ListingPage } from "../../../_components/listing-page";
import { QueryProblem } from "../../../_components/query-problem";
import { JsonLd } from "../../../_seo/json-ld";
import { productsMetadata } from "../../../_seo/page-metadata";
import { itemListJsonLd } from "../../../_seo/structured-data";

type Props = { params: Promise<{ query: string }> };

/**
 * `/products` with its query string (`?q=&category=&sort=&page=&pageSize=`): all products, a search, a
 * filtered listing. The proxy rewrites each address to this route with the query as one path segment
 * (lib/page-cache/cached-paths.ts), so that each distinct listing is rendered once and served from the
 * route cache, the same for everyone, until a catalog write invalidates `listings`.
 */
export function generateStaticParams(): { query: string }[] {
  return [];
}

async function queryOf(params: Props["params"]) {
  const search = listingSearchOf((await params).query);
  if (!search) notFound();
  return parseListingQuery(search);
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const query = await queryOf(params);
  return productsMetadata(query.success ? query.data : null);
}

export default async function ProductsPage({ params }: Props) {
  const query = await queryOf(params);
  const heading = query.success && query.data.q ? "Search results" : "All products";
  if (!query.success) {
    return (
      <>
        <h1 className="mb-6 text-2xl font-bold tracking-tight">{heading}</h1>
        <QueryProblem message={describeIssues(query.error)} resetHref="/products" />
      </>
    );
  }
  const [listing, categories] = await Promise.all([listShopProducts(query.data), listCategories()]);
  return (
    <>
      <h1 className="mb-6 text-2xl font-bold tracking-tight">{heading}</h1>
      <JsonLd data={itemListJsonLd(listing.products, (listing.page - 1) * listing.pageSize)} />
      <ListingPage path="/products" query={query.data} listing={listing} categories={categories} />
    </>
  );
}
