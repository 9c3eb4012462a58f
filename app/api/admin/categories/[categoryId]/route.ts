import { NextResponse, type NextRequest } from "next/server";
import { editCategory } from "@/lib/backoffice/categories";
import { answerWriteError, requireAdmin } from "@/lib/backoffice/http";
import { categoryEditSchema } from "@/lib/catalog/category-edit";
import { parseJsonBody } from "@/lib/http/body";
import { jsonError } from "@/lib/http/errors";
import { withErrorBoundary } from "@/lib/http/route";
import { rowId } from "@/lib/http/row-id";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ categoryId: string }> };

/** PATCH /api/admin/categories/[categoryId] `{ name, description, position }` (admins only): `{ category }`. */
export const PATCH = withErrorBoundary("api/admin/categories", async (request: NextRequest, context: Context) => {
  const gate = await requireAdmin(request);
  if (!gate.ok) return gate.response;
  const id = rowId((await context.params).categoryId);
  if (id === null) return jsonError("not_found", "No such category.");
  const body = await parseJsonBody(request, categoryEditSchema);
  if (!body.ok) return body.response;
  try {
    return NextResponse.json(
      { category: await editCategory(gate.admin, id, body.data) },
      { headers: { "Cache-Control": "no-store" } },
    );
  } catch (error) {
    return answerWriteError(error);
  }
});
