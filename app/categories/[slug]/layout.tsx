import { notFound } from "next/navigation";
import type { ReactNode } from "react";
import { getCategoryBySlug } from "@/lib/catalog/queries";

/** Above this segment's loading.tsx, so that an unknown category is a real 404 (see products/[slug]/layout). */
export default async function CategoryLayout({
  params,
  children,
}: {
  params: Promise<{ slug: string }>;
  children: ReactNode;
}) {
  const category = await getCategoryBySlug((await params).slug);
  if (!category) notFound();
  return (
    <>
      <h1 className="text-2xl font-bold tracking-tight">{category.name}</h1>
      <p className="mt-1 mb-6 text-stone-600">{category.description}</p>
      {children}
    </>
  );
}
