import { NextResponse } from "next/server";
import { getProductBySlugWithStatus } from "@/lib/catalog/queries";
import { isSlug } from "@/lib/catalog/slug";
import { isForSale } from "@/lib/catalog/variants";
import { jsonError } from "@/lib/http/errors";
import { withErrorBoundary } from "@/lib/http/route";

/**
 * Answered from the route cache, as product pages are (docs/page-cache.md): a product's first request runs
 * this handler and the answer is kept under the tags of the data it read, until a write invalidates them.
 * No answer is made at build time. A 404 or an error answer (503) is not kept (lib/page-cache).
 */
export function generateStaticParams(): { slug: string }[] {
  return [];
}

/**
 * GET /api/products/[slug]: one active product; `X-Cache` says how it was obtained (HIT when the answer
 * came from the route cache). `Cache-Control: no-store` keeps shared caches out: stock changes.
 */
export const GET = withErrorBoundary(
  "api/products/[slug]",
  async (_request: Request, { params }: { params: Promise<{ slug: string }> }) => {
    const { slug } = await params;
    // A string that cannot be a slug is not looked up (nor cached): it cannot name a product.
    if (!isSlug(slug)) return jsonError("not_found", "No such product.");
    const { product, status } = await getProductBySlugWithStatus(slug);
    const headers = { "X-Cache": status, "Cache-Control": "no-store" };
    if (!isForSale(product)) return jsonError("not_found", `No product "${slug}".`, { headers });
    return NextResponse.json({ product }, { headers });
  },
);
