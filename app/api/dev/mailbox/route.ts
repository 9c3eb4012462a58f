import { NextResponse, type NextRequest } from "next/server";
import { devMailboxAccess } from "@/lib/mail/dev-mailbox-access";
import { readDevMailbox } from "@/lib/mail/dev-mailbox";
import { emailSchema } from "@/lib/auth/email";
import { jsonError } from "@/lib/http/errors";
import { withErrorBoundary } from "@/lib/http/route";

export const dynamic = "force-dynamic";

/** GET /api/dev/mailbox?to=<email>: `{ mails: [{ to, subject, text, html, sentAt }] }`, newest first. */
export const GET = withErrorBoundary("api/dev/mailbox", async (request: NextRequest) => {
  const access = devMailboxAccess(request.headers);
  if (access === "off") return jsonError("not_found", "The dev mailbox is off.");
  if (access === "forbidden")
    return jsonError("forbidden", "The dev mailbox answers only on loopback, not through a proxy.");
  const to = emailSchema.safeParse(request.nextUrl.searchParams.get("to"));
  if (!to.success) return jsonError("invalid_input", "to: an e-mail address is required.");
  return NextResponse.json({ mails: await readDevMailbox(to.data) }, { headers: { "Cache-Control": "no-store" } });
});
