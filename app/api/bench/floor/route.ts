import { env } from "@/lib/env";
import { jsonError } from "@/lib/http/errors";

export const dynamic = "force-dynamic";

let body: string | undefined;

/**
 * GET /api/bench/floor: the Next.js floor for `npm run bench`, a route handler on the same server that
 * returns a constant JSON body as large as a product answer. Off (404) unless BENCH_ROUTES=1.
 */
export async function GET() {
  if (env.BENCH_ROUTES !== "1") return jsonError("not_found", "No such route.");
  body ??= JSON.stringify({ padding: "x".repeat(Math.max(0, env.BENCH_FLOOR_BYTES - 14)) });
  return new Response(body, { headers: { "Content-Type": "application/json", "Cache-Control": "no-store" } });
}
