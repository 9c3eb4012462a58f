import { floorResponse } from "./body";

export const dynamic = "force-dynamic";

/** GET /api/bench/floor: the Next.js floor of a route without parameters (./body.ts). */
export async function GET() {
  return floorResponse();
}
