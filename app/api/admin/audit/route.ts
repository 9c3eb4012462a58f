import { NextResponse, type NextRequest } from "next/server";
import { z } from "zod";
import { listAudit } from "@/lib/backoffice/audit";
import { requireAdmin } from "@/lib/backoffice/http";
import { invalidInput } from "@/lib/http/errors";
import { withErrorBoundary } from "@/lib/http/route";

export const dynamic = "force-dynamic";

const filterSchema = z
  .object({
    objectType: z.enum(["variant", "order", "product"]).optional(),
    objectId: z.string().min(1).max(64).optional(),
    limit: z.coerce.number().int().min(1).max(500).optional(),
  })
  .strict();

/** GET /api/admin/audit?objectType=&objectId=&limit= (admins only): the audit log, newest first. */
export const GET = withErrorBoundary("api/admin/audit", async (request: NextRequest) => {
  const gate = await requireAdmin(request);
  if (!gate.ok) return gate.response;
  const filter = filterSchema.safeParse(Object.fromEntries(request.nextUrl.searchParams));
  if (!filter.success) return invalidInput(filter.error);
  return NextResponse.json({ entries: await listAudit(filter.data) }, { headers: { "Cache-Control": "no-store" } });
});
