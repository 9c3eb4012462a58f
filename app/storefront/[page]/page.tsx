import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getFeaturedProducts, listCategories } from "@/lib/catalog/queries";
import { HOME_ROUTE } from "@/lib/page-cache/cached-paths";
import { TrendingRow } from "../../_components/activity/trending-row";
import { ProductGrid } from "../../_components/product-grid";
import { JsonLd } from "../../_seo/json-ld";
import { homeJsonLd } from "../../_seo/structured-data";

export const metadata: Metadata = { alternates: { canonical: "/" } };

/** The home page, at `/` (next.config.ts rewrites it here: lib/page-cache/cached-paths.ts). Rendered on first view. */
export function generateStaticParams(): { page: string }[] {
  return [];
}

export default async function HomePage({ params }: { params: Promise<{ page: string }> }) {
  if (`/storefront/${(await params).page}` !== HOME_ROUTE) notFound();
  const [featured, categories] = await Promise.all([getFeaturedProducts(), listCategories()]);
  return (
    <div className="space-y-12">
      <JsonLd data={homeJsonLd()} />
      <section className="rounded-2xl bg-brand-900 px-6 py-12 text-white sm:px-12">
        <h1 className="text-3xl font-bold tracking-tight sm:text-4xl">Well-made everyday things.</h1>
        <p className="mt-3 max-w-xl text-brand-100">
          Clothes, bags and things for the home, built to last and shipped briskly.
        </p>
        <Link
          href="/products"
          className="mt-6 inline-block rounded-md bg-white px-5 py-2.5 text-sm font-semibold text-brand-900 hover:bg-brand-50"
        >
          Shop all products
        </Link>
      </section>

      <section aria-labelledby="featured-heading">
        <h2 id="featured-heading" className="mb-4 text-xl font-semibold">
          Featured
        </h2>
        <ProductGrid products={featured} label="Featured products" />
      </section>

      <section aria-labelledby="categories-heading">
        <h2 id="categories-heading" className="mb-4 text-xl font-semibold">
          Shop by category
        </h2>
        <ul className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-4">
          {categories.map((category) => (
            <li key={category.slug}>
              <Link
                href={`/categories/${category.slug}`}
                className="block rounded-lg border border-stone-200 bg-white p-4 hover:border-brand-600"
              >
                <span className="font-medium">{category.name}</span>
                <span className="mt-1 block text-xs text-stone-500">{category.productCount} products</span>
              </Link>
            </li>
          ))}
        </ul>
      </section>

      <TrendingRow />
    </div>
  );
}
