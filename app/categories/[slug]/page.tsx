import type { Metadata } from "next";
import { CategoryListing, categoryListingMetadata } from "./category-listing";

type Props = { params: Promise<{ slug: string }> };

/**
 * A category's first page in the default order: rendered on first view, then served from the route cache
 * (docs/page-cache.md). With a query string the proxy sends the request to ./filtered, rendered per request.
 */
export function generateStaticParams(): { slug: string }[] {
  return [];
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return categoryListingMetadata((await params).slug, {});
}

export default async function CategoryPage({ params }: Props) {
  return <CategoryListing slug={(await params).slug} search={{}} />;
}
