import type { Metadata } from "next";
import Link from "next/link";
import { listCategoriesForAdmin } from "@/lib/backoffice/categories";
import { CategoryForm } from "../_components/category-form";
import { SignInAgain } from "../_components/sign-in-again";
import { adminMetadata, adminOfPage } from "../admin-gate";

export const generateMetadata = (): Promise<Metadata> => adminMetadata("Categories");

/** The store's categories (admins only): each one's name, description and place in the menu, and a new one. */
export default async function AdminCategoriesPage() {
  const admin = await adminOfPage();
  if (admin === "expired") return <SignInAgain />;
  const categories = await listCategoriesForAdmin();
  return (
    <div className="space-y-8">
      <h1 className="text-2xl font-bold tracking-tight">Categories</h1>
      <ul className="space-y-4">
        {categories.map((category) => (
          <li key={category.id} className="space-y-2 rounded border border-stone-200 p-4">
            <p className="text-sm text-stone-600">
              <Link href={`/categories/${category.slug}`} className="font-mono text-brand-700 underline">
                /categories/{category.slug}
              </Link>{" "}
              · {category.products} products
            </p>
            <CategoryForm category={category} />
          </li>
        ))}
      </ul>
      <section aria-labelledby="new-category" className="space-y-3">
        <h2 id="new-category" className="text-lg font-semibold">
          New category
        </h2>
        <CategoryForm />
      </section>
    </div>
  );
}
