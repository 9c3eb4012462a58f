import type { NextRequest } from "next/server";
import { exportCatalogCsv } from "@/lib/backoffice/catalog-csv";
import { requireAdmin } from "@/lib/backoffice/http";
import { withErrorBoundary } from "@/lib/http/route";

export const dynamic = "force-dynamic";

/**
 * GET /api/admin/products/export (admins only): every product and variant as CSV, one row per variant
 * (lib/backoffice/catalog-csv.ts): the file the import takes back.
 */
export const GET = withErrorBoundary("api/admin/products/export", async (request: NextRequest) => {
  const gate = await requireAdmin(request);
  if (!gate.ok) return gate.response;
  const day = new Date().toISOString().slice(0, 10);
  return new Response(await exportCatalogCsv(), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="brisk-products-${day}.csv"`,
      "Cache-Control": "no-store",
    },
  });
});
