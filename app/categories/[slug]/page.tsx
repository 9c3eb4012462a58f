import type { Metadata } from "next";
import { parseListingQuery } from "@/lib/catalog/listing-query";
import { getCategoryBySlug, listProducts } from "@/lib/catalog/queries";
import { describeIssues } from "@/lib/validation";
import { ListingPage } from "../../_components/listing-page";
import { JsonLd } from "../../_seo/json-ld";
import { categoryMetadata } from "../../_seo/page-metadata";
import { NOT_INDEXED } from "../../_seo/site";
import { breadcrumbJsonLd, itemListJsonLd } from "../../_seo/structured-data";
import { QueryProblem } from "../../_components/query-problem";

type Props = {
  params: Promise<{ slug: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata({ params, searchParams }: Props): Promise<Metadata> {
  const { slug } = await params;
  const category = await getCategoryBySlug(slug);
  const query = parseListingQuery({ ...(await searchParams), category: slug });
  return category
    ? categoryMetadata(category, query.success ? query.data.page : 1)
    : { title: "Not found", robots: NOT_INDEXED };
}

export default async function CategoryPage({ params, searchParams }: Props) {
  const { slug } = await params;
  const query = parseListingQuery({ ...(await searchParams), category: slug });
  if (!query.success) return <QueryProblem message={describeIssues(query.error)} resetHref={`/categories/${slug}`} />;
  const [listing, category] = await Promise.all([listProducts(query.data), getCategoryBySlug(slug)]);
  return (
    <>
      <JsonLd
        data={[
          breadcrumbJsonLd([
            { name: "Home", path: "/" },
            { name: category?.name ?? slug, path: `/categories/${slug}` },
          ]),
          itemListJsonLd(listing.products, (listing.page - 1) * listing.pageSize),
        ]}
      />
      <ListingPage path={`/categories/${slug}`} query={query.data} listing={listing} />
    </>
  );
}
