import { NextResponse, type NextRequest } from "next/server";
import { importCatalogCsv } from "@/lib/backoffice/catalog-import";
import { answerWriteError, requireAdmin } from "@/lib/backoffice/http";
import { readBodyBytes, tooLarge } from "@/lib/http/body";
import { jsonError } from "@/lib/http/errors";
import { withErrorBoundary } from "@/lib/http/route";

export const dynamic = "force-dynamic";

/**
 * An import's file: 20,000 rows (the row limit) of about 800 bytes. A product's description repeats on each
 * of its rows, so a catalog with long descriptions reaches this before the row limit: import it in parts.
 */
const MAX_IMPORT_BYTES = 16 * 1024 * 1024;
const CSV_TYPES = ["text/csv", "text/plain"];

/**
 * POST /api/admin/products/import (admins only), the body a CSV file (`Content-Type: text/csv`) with the
 * export's columns: applies every row or none. 200 `{ created, updated, unchanged }` (products and
 * variants); 400 `invalid_input` with `details.refused` (each refused row's line, SKU and problems) when
 * any row is refused, or with only a message when the file cannot be read as the catalog's CSV.
 */
export const POST = withErrorBoundary("api/admin/products/import", async (request: NextRequest) => {
  const gate = await requireAdmin(request);
  if (!gate.ok) return gate.response;
  const type = request.headers.get("content-type")?.split(";")[0].trim().toLowerCase();
  if (!type || !CSV_TYPES.includes(type)) {
    return jsonError("unsupported_media_type", "Send the file as text/csv.");
  }
  const bytes = await readBodyBytes(request, MAX_IMPORT_BYTES);
  if (bytes === null) return tooLarge(MAX_IMPORT_BYTES);
  const text = utf8(bytes);
  if (text === null) return jsonError("invalid_input", "The file must be UTF-8 text.");
  try {
    const result = await importCatalogCsv(gate.admin, text);
    if (result.kind === "unreadable") return jsonError("invalid_input", result.message);
    if (result.kind === "refused") {
      const count = result.refused.length;
      return jsonError("invalid_input", `${count} row${count === 1 ? "" : "s"} refused: nothing was imported.`, {
        details: { refused: result.refused },
      });
    }
    return NextResponse.json(result.outcome, { headers: { "Cache-Control": "no-store" } });
  } catch (error) {
    return answerWriteError(error);
  }
});

function utf8(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}
