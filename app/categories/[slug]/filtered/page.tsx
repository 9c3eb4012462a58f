import type { Metadata } from "next";
import { CategoryListing, categoryListingMetadata } from "../category-listing";

type Props = {
  params: Promise<{ slug: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

/** `/categories/<slug>?sort=&page=`, rendered per request (the proxy rewrites it here: lib/page-cache/cached-paths.ts). */
export async function generateMetadata({ params, searchParams }: Props): Promise<Metadata> {
  return categoryListingMetadata((await params).slug, await searchParams);
}

export default async function FilteredCategoryPage({ params, searchParams }: Props) {
  return <CategoryListing slug={(await params).slug} search={await searchParams} />;
}
