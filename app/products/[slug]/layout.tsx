import { notFound } from "next/navigation";
import type { ReactNode } from "react";
import { findProduct } from "./find-product";

/**
 * The lookup that decides "404" happens here, above this segment's loading.tsx: a notFound() thrown
 * after streaming began would answer 200 (Next.js keeps the status of the flushed shell).
 */
export default async function ProductLayout({
  params,
  children,
}: {
  params: Promise<{ slug: string }>;
  children: ReactNode;
}) {
  if (!(await findProduct((await params).slug))) notFound();
  return children;
}
