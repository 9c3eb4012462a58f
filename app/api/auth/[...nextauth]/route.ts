import type { NextRequest } from "next/server";
import { handlers } from "@/lib/auth/config";
import { admitSignInRequest } from "@/lib/auth/sign-in-request";
import { jsonError } from "@/lib/http/errors";

export const dynamic = "force-dynamic";

/** Auth.js under /api/auth/*. A request for a sign-in mail passes Brisk's checks and rate limits first. */
export const GET = handlers.GET;

export async function POST(request: NextRequest) {
  if (request.nextUrl.pathname.endsWith("/signin/email")) {
    const form = await request
      .clone()
      .formData()
      .catch(() => null);
    const admission = await admitSignInRequest(form?.get("email"), request.headers);
    if (!admission.ok) {
      const headers = admission.retryAfterSeconds ? { "Retry-After": String(admission.retryAfterSeconds) } : undefined;
      return jsonError(admission.code, admission.message, { headers });
    }
  }
  return handlers.POST(request);
}
