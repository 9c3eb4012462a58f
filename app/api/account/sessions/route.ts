import { NextResponse, type NextRequest } from "next/server";
import { sessionCookieName } from "@/lib/auth/cookies";
import { requireSignedIn } from "@/lib/auth/http";
import { deleteUserSessions } from "@/lib/auth/session-store";
import { refuseCrossOrigin } from "@/lib/http/origin";
import { withErrorBoundary } from "@/lib/http/route";

export const dynamic = "force-dynamic";

/** DELETE /api/account/sessions: sign out everywhere (every session of the user, in one step). */
export const DELETE = withErrorBoundary("api/account/sessions", async (request: NextRequest) => {
  const refused = refuseCrossOrigin(request);
  if (refused) return refused;
  const auth = await requireSignedIn(request);
  if (!auth.ok) return auth.response;
  const deleted = await deleteUserSessions(auth.signedIn.user.id);
  const response = NextResponse.json({ signedOut: deleted }, { headers: { "Cache-Control": "no-store" } });
  response.cookies.delete(sessionCookieName());
  return response;
});
