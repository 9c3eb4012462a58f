import { cache } from "react";
import { getProductBySlug } from "@/lib/catalog/queries";
import { isSlug } from "@/lib/catalog/slug";

/** One product lookup per request, shared by the layout (404s), the metadata and the page. */
export const findProduct = cache(async (slug: string) => (isSlug(slug) ? getProductBySlug(slug) : null));
