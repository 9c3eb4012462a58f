import type { NextRequest } from "next/server";
import { adminAccess } from "../auth/admin";
import { CatalogWriteError } from "../catalog/errors";
import { OrderMoveError } from "../orders/transitions";
import type { SignedIn } from "../auth/current-user";
import { jsonError } from "../http/errors";
import { refuseCrossOrigin } from "../http/origin";
import { answerStateUnavailable } from "../http/unavailable";
import { isWriteMethod } from "../http/write-method";

/**
 * The gate of every back-office route, checked on each request: anyone but an admin gets the same 404 as
 * an address that does not exist (the back office does not show itself, whatever the request's origin);
 * an admin whose sign-in is too old gets 401 (sign in again); an admin's write from another site 403;
 * Redis unable to say who is signed in 503.
 */
export async function requireAdmin(
  request: NextRequest,
): Promise<{ ok: true; admin: SignedIn } | { ok: false; response: Response }> {
  try {
    const access = await adminAccess(request.cookies);
    if (access.kind === "admin") {
      const refused = isWriteMethod(request.method) ? refuseCrossOrigin(request) : null;
      return refused ? { ok: false, response: refused } : { ok: true, admin: access.admin };
    }
    if (access.kind === "expired") {
      return { ok: false, response: jsonError("unauthorized", "Sign in again to use the back office.") };
    }
    return { ok: false, response: jsonError("not_found", "Not found.") };
  } catch (error) {
    return { ok: false, response: answerStateUnavailable(error, "signIn") };
  }
}

/**
 * A refused back-office write as its JSON error (400, 404, 409); any other error is thrown. A unique
 * index refusing a row (two saves of one new slug or SKU at the same moment: the check before the insert
 * passed for both) is the same 400 as the check's.
 */
export function answerWriteError(error: unknown): Response {
  if (error instanceof CatalogWriteError || error instanceof OrderMoveError)
    return jsonError(error.code, error.message);
  if ((error as { code?: unknown })?.code === "P2002") {
    return jsonError("invalid_input", "Already in use: saved a moment ago by someone else.");
  }
  throw error;
}
