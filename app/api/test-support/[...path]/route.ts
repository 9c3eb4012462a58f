import type { NextRequest } from "next/server";
import { withErrorBoundary } from "@/lib/http/route";
import { testSupportResponse } from "@/lib/test-support/http";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ path: string[] }> };

/**
 * /api/test-support/…: test-only powers for e2e suites, off unless TEST_SUPPORT_TOKEN is set, and then only
 * for its bearer; every other request is a 404, whatever the method (lib/test-support/http.ts).
 */
const handle = withErrorBoundary("api/test-support", async (request: NextRequest, context: Context) =>
  testSupportResponse(request, (await context.params).path),
);

export const GET = handle;
export const HEAD = handle;
export const POST = handle;
export const PUT = handle;
export const PATCH = handle;
export const DELETE = handle;
export const OPTIONS = handle;
