import { NextResponse } from "next/server";
import { getProductBySlugWithStatus } from "@/lib/catalog/queries";
import { isSlug } from "@/lib/catalog/slug";
import { isForSale } from "@/lib/catalog/variants";
import { jsonError } from "@/lib/http/errors";
import { withErrorBoundary } from "@/lib/http/route";

export const dynamic = "force-dynamic";

/** GET /api/products/[slug]: one active product; `X-Cache` says how it was obtained. */
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
