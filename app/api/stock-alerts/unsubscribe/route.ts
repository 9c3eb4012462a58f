import { NextResponse, type NextRequest } from "next/server";
import { unsubscribe } from "@/lib/alerts/subscribe";
import { env } from "@/lib/env";
import { readBodyBytes, tooLarge } from "@/lib/http/body";
import { refuseCrossOrigin } from "@/lib/http/origin";
import { withErrorBoundary } from "@/lib/http/route";

export const dynamic = "force-dynamic";

const MAX_BYTES = 1024;

/**
 * POST /api/stock-alerts/unsubscribe (the form of /stock-alerts/unsubscribe: `alert`, `token`): removes the
 * alert its mail's link names, without signing in, then shows the page's answer (303). A link that is not
 * ours changes nothing and says so.
 */
export const POST = withErrorBoundary("api/stock-alerts/unsubscribe", async (request: NextRequest) => {
  const refused = refuseCrossOrigin(request);
  if (refused) return refused;
  const bytes = await readBodyBytes(request, MAX_BYTES);
  if (bytes === null) return tooLarge(MAX_BYTES);
  const form = new URLSearchParams(bytes.toString("utf8"));
  const removed = await unsubscribe(form.get("alert") ?? "", form.get("token") ?? "");
  // On the site's origin (AUTH_URL), as every link the store makes: request.url names the address this server
  // listens on, which is not the shopper's behind a load balancer (and a form may not be sent on to it: CSP).
  const answer = new URL(`/stock-alerts/unsubscribe?${removed ? "done=1" : "unknown=1"}`, env.AUTH_URL);
  return NextResponse.redirect(answer, 303);
});
