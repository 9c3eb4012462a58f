import type { Metadata } from "next";
import { parseListingQuery } from "@/lib/catalog/listing-query";
import { describeIssues } from "@/lib/validation";
import { listCategories, listProducts } from "@/lib/catalog/queries";
import { ListingPage } from "../../_components/listing-page";
import { JsonLd } from "../../_seo/json-ld";
import { productsMetadata } from "../../_seo/page-metadata";
import { itemListJsonLd } from "../../_seo/structured-data";
import { QueryProblem } from "../../_components/query-problem";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export async function generateMetadata({ searchParams }: { searchParams: SearchParams }): Promise<Metadata> {
  const query = parseListingQuery(await searchParams);
  return productsMetadata(query.success ? query.data : null);
}

export default async function ProductsPage({ searchParams }: { searchParams: SearchParams }) {
  const query = parseListingQuery(await searchParams);
  const heading = query.success && query.data.q ? "Search results" : "All products";
  if (!query.success) {
    return (
      <>
        <h1 className="mb-6 text-2xl font-bold tracking-tight">{heading}</h1>
        <QueryProblem message={describeIssues(query.error)} resetHref="/products" />
      </>
    );
  }
  const [listing, categories] = await Promise.all([listProducts(query.data), listCategories()]);
  return (
    <>
      <h1 className="mb-6 text-2xl font-bold tracking-tight">{heading}</h1>
      <JsonLd data={itemListJsonLd(listing.products, (listing.page - 1) * listing.pageSize)} />
      <ListingPage path="/products" query={query.data} listing={listing} categories={categories} />
    </>
  );
}
