import type { NextRequest } from "next/server";
import { jsonError, unavailable } from "../http/errors";
import { StateUnavailableError } from "../redis/state";
import { signedInFrom, type SignedIn } from "./current-user";

/** Account JSON: the signed-in user of a request, or the answer to give instead (401, or 503 when Redis is down). */
export async function requireSignedIn(
  request: NextRequest,
): Promise<{ ok: true; signedIn: SignedIn } | { ok: false; response: Response }> {
  try {
    const signedIn = await signedInFrom(request.cookies);
    if (signedIn) return { ok: true, signedIn };
    return { ok: false, response: jsonError("unauthorized", "Sign in to see your account.") };
  } catch (error) {
    if (!(error instanceof StateUnavailableError)) throw error;
    const response = unavailable("Sign-in is briefly unavailable. Please try again in a moment.");
    return { ok: false, response };
  }
}
