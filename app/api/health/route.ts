import { NextResponse } from "next/server";
import { checkHealth } from "@/lib/health/check";
import { operatorAccess } from "@/lib/http/operator-access";

export const dynamic = "force-dynamic";

/**
 * GET /api/health: 200 while the catalog can be served (Redis down is "degraded"), 503 when it cannot.
 * Everyone gets `{ status }`; the details (postgres, redis, cacheBreaker) only those who may read the
 * metrics: the METRICS_TOKEN bearer when it is set, else a request sent straight from this machine.
 */
export async function GET(request: Request) {
  const health = await checkHealth();
  const body = operatorAccess(request.headers) === "ok" ? health : { status: health.status };
  return NextResponse.json(body, {
    status: health.status === "down" ? 503 : 200,
    headers: { "Cache-Control": "no-store" },
  });
}
