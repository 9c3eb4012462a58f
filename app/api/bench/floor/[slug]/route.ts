import { floorResponse } from "../body";

export const dynamic = "force-dynamic";

/**
 * GET /api/bench/floor/[slug]: the Next.js floor of a route shaped like the product API (a path parameter,
 * awaited), answering the same constant whatever the slug (../body.ts).
 */
export async function GET(_request: Request, { params }: { params: Promise<{ slug: string }> }) {
  await params;
  return floorResponse();
}
