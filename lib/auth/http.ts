import type { NextRequest } from "next/server";
import { jsonError } from "../http/errors";
import { answerStateUnavailable } from "../http/unavailable";
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
    return { ok: false, response: answerStateUnavailable(error, "signIn") };
  }
}
