import type { Metadata } from "next";
import { parseListingQuery } from "@/lib/catalog/listing-query";
import { getCategoryBySlug, listProducts } from "@/lib/catalog/queries";
import { describeIssues } from "@/lib/validation";
import { ListingPage } from "../../_components/listing-page";
import { QueryProblem } from "../../_components/query-problem";

type Props = {
  params: Promise<{ slug: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const category = await getCategoryBySlug((await params).slug);
  return { title: category?.name ?? "Not found" };
}

export default async function CategoryPage({ params, searchParams }: Props) {
  const { slug } = await params;
  const query = parseListingQuery({ ...(await searchParams), category: slug });
  if (!query.success) return <QueryProblem message={describeIssues(query.error)} resetHref={`/categories/${slug}`} />;
  return <ListingPage path={`/categories/${slug}`} query={query.data} listing={await listProducts(query.data)} />;
}
