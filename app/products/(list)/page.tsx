import type { Metadata } from "next";
import { parseListingQuery } from "@/lib/catalog/listing-query";
import { describeIssues } from "@/lib/validation";
import { listCategories, listProducts } from "@/lib/catalog/queries";
import { ListingPage } from "../../_components/listing-page";
import { QueryProblem } from "../../_components/query-problem";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export async function generateMetadata({ searchParams }: { searchParams: SearchParams }): Promise<Metadata> {
  const query = parseListingQuery(await searchParams);
  return { title: query.success && query.data.q ? `Search: ${query.data.q}` : "All products" };
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
      <ListingPage path="/products" query={query.data} listing={listing} categories={categories} />
    </>
  );
}
