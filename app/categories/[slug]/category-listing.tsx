import type { Metadata } from "next";
import { parseListingQuery } from "@/lib/catalog/listing-query";
import { getCategoryBySlug } from "@/lib/catalog/queries";
import { listShopProducts } from "@/lib/shop/listing";
import { describeIssues } from "@/lib/validation";
import { ListingPage } from "../../_components/listing-page";
import { QueryProblem } from "../../_components/query-problem";
import { JsonLd } from "../../_seo/json-ld";
import { categoryMetadata } from "../../_seo/page-metadata";
import { NOT_INDEXED } from "../../_seo/site";
import { breadcrumbJsonLd, itemListJsonLd } from "../../_seo/structured-data";

/**
 * A category's listing for a query string (`?sort=&page=`), shared by the page served from the route cache
 * (no query: the first page in the default order) and the one rendered per request (any other query; the
 * proxy rewrites those to `/categories/<slug>/filtered`: lib/page-cache/cached-paths.ts).
 */

type Search = Record<string, string | string[] | undefined>;

export async function categoryListingMetadata(slug: string, search: Search): Promise<Metadata> {
  const category = await getCategoryBySlug(slug);
  const query = parseListingQuery({ ...search, category: slug });
  return category
    ? categoryMetadata(category, query.success ? query.data.page : 1)
    : { title: "Not found", robots: NOT_INDEXED };
}

export async function CategoryListing({ slug, search }: { slug: string; search: Search }) {
  const query = parseListingQuery({ ...search, category: slug });
  if (!query.success) return <QueryProblem message={describeIssues(query.error)} resetHref={`/categories/${slug}`} />;
  const [listing, category] = await Promise.all([listShopProducts(query.data), getCategoryBySlug(slug)]);
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
