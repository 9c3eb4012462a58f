import { NextResponse, type NextRequest } from "next/server";
import { CODE_LIFETIME_MS } from "@/lib/auth/code-store";
import { confirmedLink } from "@/lib/auth/confirm-link";
import { browserCookieOptions, signInBrowserCookie } from "@/lib/auth/sign-in-browser";
import { readBodyBytes, tooLarge } from "@/lib/http/body";
import { refuseCrossOrigin } from "@/lib/http/origin";
import { env } from "@/lib/env";

export const dynamic = "force-dynamic";

const MAX_BYTES = 2 * 1024;

/**
 * POST from /signin/confirm's form ("Sign in on this device"): a plain form post from this site only, so a
 * page elsewhere cannot confirm for the shopper. This browser adopts the link's nonce and follows it (303).
 */
export async function POST(request: NextRequest) {
  const refused = refuseCrossOrigin(request);
  if (refused) return refused;
  const body = await readBodyBytes(request, MAX_BYTES);
  if (body === null) return tooLarge(MAX_BYTES);
  const confirmed = confirmedLink(new URLSearchParams(body.toString("utf8")));
  if (!confirmed) return NextResponse.redirect(new URL("/signin?error=Verification", env.AUTH_URL), 303);
  const response = NextResponse.redirect(confirmed.callback, 303);
  response.cookies.set(signInBrowserCookie(), confirmed.nonce, browserCookieOptions(CODE_LIFETIME_MS / 1000));
  return response;
}
