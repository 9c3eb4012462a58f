import { NextResponse, type NextRequest } from "next/server";
import { z } from "zod";
import { getActiveSummaries } from "@/lib/catalog/queries";
import { invalidInput } from "@/lib/http/errors";
import { withErrorBoundary } from "@/lib/http/route";

export const dynamic = "force-dynamic";

/** As many as a recently viewed row holds (12, less the product on screen), and some room. */
const MAX_IDS = 24;

const idsSchema = z.object({
  ids: z
    .string()
    .regex(/^\d{1,10}(,\d{1,10})*$/, "product ids separated by commas")
    .transform((text) => [...new Set(text.split(",").map(Number))])
    .refine((ids) => ids.length <= MAX_IDS, `at most ${MAX_IDS} ids`)
    .refine((ids) => ids.every((id) => id >= 1 && id <= 2_147_483_647), "product ids from 1"),
});

/**
 * GET /api/product-summaries?ids=3,1,2: the summaries of those products still for sale, in the order
 * given (unknown and archived ones left out), as `{ products }`. What the product page's "Recently viewed"
 * row shows, asked when it comes into view; the same for everyone, so browsers and shared caches may keep
 * it a minute.
 */
export const GET = withErrorBoundary("api/product-summaries", async (request: NextRequest) => {
  const query = idsSchema.safeParse({ ids: request.nextUrl.searchParams.get("ids") ?? "" });
  if (!query.success) return invalidInput(query.error);
  const products = await getActiveSummaries(query.data.ids);
  return NextResponse.json({ products }, { headers: { "Cache-Control": "public, max-age=60" } });
});
