import { jsonError } from "@/lib/http/errors";
import { withErrorBoundary } from "@/lib/http/route";
import { openStockStream } from "@/lib/catalog/stock-http";

export const dynamic = "force-dynamic";

/**
 * GET /api/stock/[productId]: the product's stock levels as Server-Sent Events, for its open page. The
 * first event is the levels read now; then one event per committed change, on any instance; after this
 * instance lost Redis and got it back, the levels read afresh. A browser that reconnects (EventSource does)
 * gets a fresh read first. 404 for no such product; 503 (JSON, Retry-After) when this instance already
 * serves its `LIVE_STOCK_MAX_STREAMS`: the page then polls the product instead.
 */
export const GET = withErrorBoundary(
  "api/stock/[productId]",
  async (request: Request, { params }: { params: Promise<{ productId: string }> }) => {
    const { productId } = await params;
    const id = /^[1-9][0-9]{0,9}$/.test(productId) ? Number(productId) : NaN;
    if (!(id <= 2_147_483_647)) return jsonError("invalid_input", "productId: a product id (a positive integer).");
    return openStockStream(id, request.signal);
  },
);
