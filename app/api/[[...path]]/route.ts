import { jsonError } from "@/lib/http/errors";

export const dynamic = "force-dynamic";

/**
 * Any /api path no other route handler serves, with any method: 404 `not_found` in the JSON error shape,
 * not the HTML page. Every other route under /api is more specific than this optional catch-all and wins
 * (Auth.js' /api/auth/[...nextauth] included); a known path with a method it lacks stays a 405.
 */
function notFound(): Response {
  return jsonError("not_found", "No such API route.", { headers: { "Cache-Control": "no-store" } });
}

export const GET = notFound;
export const HEAD = notFound;
export const POST = notFound;
export const PUT = notFound;
export const PATCH = notFound;
export const DELETE = notFound;
export const OPTIONS = notFound;
