import { cache } from "@/lib/cache";
import { operatorAccess, operatorRefusal } from "@/lib/http/operator-access";
import { metrics } from "@/lib/metrics/registry";

export const dynamic = "force-dynamic";

/**
 * GET /api/metrics: this process's Prometheus metrics (cache requests, loads, L1, queries, Node.js).
 * With METRICS_TOKEN set, only with `Authorization: Bearer <token>` (else 401 `unauthorized`); unset, only
 * to a request sent straight from this machine (else 403 `forbidden`). See lib/http/operator-access.ts.
 */
export async function GET(request: Request) {
  const access = operatorAccess(request.headers);
  if (access !== "ok") return operatorRefusal(access);
  metrics.cacheBreakerOpen.set(cache.breakerState() === "closed" ? 0 : 1);
  return new Response(await metrics.registry.metrics(), {
    headers: { "Content-Type": metrics.registry.contentType, "Cache-Control": "no-store" },
  });
}
