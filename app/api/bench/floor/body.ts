import { env } from "@/lib/env";
import { jsonError } from "@/lib/http/errors";

let body: string | undefined;

/**
 * The Next.js floor for `npm run bench`: a constant JSON body as large as a product answer, from a route
 * handler on the same server. Off (404) unless BENCH_ROUTES=1.
 */
export function floorResponse(): Response {
  if (env.BENCH_ROUTES !== "1") return jsonError("not_found", "No such route.");
  body ??= JSON.stringify({ padding: "x".repeat(Math.max(0, env.BENCH_FLOOR_BYTES - 14)) });
  return new Response(body, { headers: { "Content-Type": "application/json", "Cache-Control": "no-store" } });
}
