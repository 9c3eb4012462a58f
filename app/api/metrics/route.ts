import { cache } from "@/lib/cache";
import { metrics } from "@/lib/metrics/registry";

export const dynamic = "force-dynamic";

/** GET /api/metrics: this process's Prometheus metrics (cache requests, loads, L1, queries, Node.js). */
export async function GET() {
  metrics.cacheBreakerOpen.set(cache.breakerState() === "closed" ? 0 : 1);
  return new Response(await metrics.registry.metrics(), {
    headers: { "Content-Type": metrics.registry.contentType, "Cache-Control": "no-store" },
  });
}
