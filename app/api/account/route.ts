import { NextResponse, type NextRequest } from "next/server";
import { accountNameSchema, accountView, renameAccount } from "@/lib/auth/account";
import { requireSignedIn } from "@/lib/auth/http";
import { parseJsonBody } from "@/lib/http/body";
import { refuseCrossOrigin } from "@/lib/http/origin";
import { withErrorBoundary } from "@/lib/http/route";

export const dynamic = "force-dynamic";

const noStore = { headers: { "Cache-Control": "no-store" } };

/** GET /api/account: `{ user, sessions }`; signed out 401 `unauthorized`. */
export const GET = withErrorBoundary("api/account", async (request: NextRequest) => {
  const auth = await requireSignedIn(request);
  if (!auth.ok) return auth.response;
  return NextResponse.json(await accountView(auth.signedIn), noStore);
});

/** PATCH /api/account `{ name }`: renames the account. */
export const PATCH = withErrorBoundary("api/account", async (request: NextRequest) => {
  const refused = refuseCrossOrigin(request);
  if (refused) return refused;
  const auth = await requireSignedIn(request);
  if (!auth.ok) return auth.response;
  const body = await parseJsonBody(request, accountNameSchema);
  if (!body.ok) return body.response;
  await renameAccount(auth.signedIn.user.id, body.data.name);
  const renamed = { ...auth.signedIn, user: { ...auth.signedIn.user, name: body.data.name } };
  return NextResponse.json(await accountView(renamed), noStore);
});
