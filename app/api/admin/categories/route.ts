import { NextResponse, type NextRequest } from "next/server";
import { createCategory } from "@/lib/backoffice/categories";
import { answerWriteError, requireAdmin } from "@/lib/backoffice/http";
import { newCategorySchema } from "@/lib/catalog/category-edit";
import { parseJsonBody } from "@/lib/http/body";
import { withErrorBoundary } from "@/lib/http/route";

export const dynamic = "force-dynamic";

/** POST /api/admin/categories `{ slug, name, description, position }` (admins only): 201 `{ category }`. */
export const POST = withErrorBoundary("api/admin/categories", async (request: NextRequest) => {
  const gate = await requireAdmin(request);
  if (!gate.ok) return gate.response;
  const body = await parseJsonBody(request, newCategorySchema);
  if (!body.ok) return body.response;
  try {
    const category = await createCategory(gate.admin, body.data);
    return NextResponse.json({ category }, { status: 201, headers: { "Cache-Control": "no-store" } });
  } catch (error) {
    return answerWriteError(error);
  }
});
