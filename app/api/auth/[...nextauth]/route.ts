import type { NextRequest } from "next/server";
import { guardAuthGet, guardAuthPost } from "@/lib/auth/route-guards";
import { handlers } from "@/lib/shop/auth";

export const dynamic = "force-dynamic";

/** Auth.js under /api/auth/*, behind Brisk's checks (body limits, one parse, CSRF before limits, the browser). */
export const GET = (request: NextRequest) => guardAuthGet(request, handlers.GET);
export const POST = (request: NextRequest) => guardAuthPost(request, handlers.POST);
