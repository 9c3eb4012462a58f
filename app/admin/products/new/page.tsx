import type { Metadata } from "next";
import { NewProductForm } from "../../_components/new-product-form";
import { SignInAgain } from "../../_components/sign-in-again";
import { adminMetadata, adminOfPage } from "../../admin-gate";
import { categoryChoices } from "@/lib/backoffice/categories";

export const generateMetadata = (): Promise<Metadata> => adminMetadata("New product");

/** A new product (admins only): its details and first variant. */
export default async function NewProductPage() {
  const admin = await adminOfPage();
  if (admin === "expired") return <SignInAgain />;
  const categories = await categoryChoices();
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold tracking-tight">New product</h1>
      <NewProductForm categories={categories} />
    </div>
  );
}
