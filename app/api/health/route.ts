import { NextResponse } from "next/server";
import { checkHealth } from "@/lib/health/check";

export const dynamic = "force-dynamic";

/** GET /api/health: 200 while the catalog can be served (Redis down is "degraded"), 503 when it cannot. */
export async function GET() {
  const health = await checkHealth();
  return NextResponse.json(health, {
    status: health.status === "down" ? 503 : 200,
    headers: { "Cache-Control": "no-store" },
  });
}
