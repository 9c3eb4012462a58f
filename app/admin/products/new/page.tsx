import type { Metadata } from "next";
import { db } from "@/lib/db";
import { NewProductForm } from "../../_components/new-product-form";
import { SignInAgain } from "../../_components/sign-in-again";
import { adminMetadata, adminOfPage } from "../../admin-gate";

export const generateMetadata = (): Promise<Metadata> => adminMetadata("New product");

/** A new product (admins only): its details and first variant. */
export default async function NewProductPage() {
  const admin = await adminOfPage();
  if (admin === "expired") return <SignInAgain />;
  const categories = await db.category.findMany({ select: { id: true, name: true }, orderBy: { position: "asc" } });
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold tracking-tight">New product</h1>
      <NewProductForm categories={categories} />
    </div>
  );
}
