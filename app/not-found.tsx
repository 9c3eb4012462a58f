import Link from "next/link";
import { SearchForm } from "./_components/search-form";

export default function NotFound() {
  return (
    <div className="mx-auto max-w-lg py-16 text-center">
      <p className="text-sm font-semibold text-brand-700">404</p>
      <h1 className="mt-2 text-3xl font-bold tracking-tight">We couldn’t find that page</h1>
      <p className="mt-3 text-stone-600">The product may have moved or sold out for good. Try a search instead.</p>
      <div className="mx-auto mt-6 max-w-sm">
        <SearchForm />
      </div>
      <Link href="/products" className="mt-6 inline-block font-medium text-brand-700 underline">
        Browse all products
      </Link>
    </div>
  );
}
