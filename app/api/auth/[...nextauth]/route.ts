import type { NextRequest } from "next/server";
import { handlers } from "@/lib/shop/auth";
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
    // Exactly one e-mail: Auth.js reads the last of repeated fields, so a second one would dodge the limits.
    const emails = form?.getAll("email") ?? [];
    const admission = await admitSignInRequest(emails.length === 1 ? emails[0] : undefined, request.headers);
    if (!admission.ok) {
      const headers = admission.retryAfterSeconds ? { "Retry-After": String(admission.retryAfterSeconds) } : undefined;
      return jsonError(admission.code, admission.message, { headers });
    }
  }
  return handlers.POST(request);
}
