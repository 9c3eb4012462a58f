import { jsonError } from "@/lib/http/errors";
import { readMediaFile } from "@/lib/media/files";

export const dynamic = "force-dynamic";

/** GET /media/...: a product image. Names never change content (the seed is deterministic): cache for a year. */
export async function GET(_request: Request, { params }: { params: Promise<{ path: string[] }> }) {
  const file = await readMediaFile((await params).path);
  if (!file) return jsonError("not_found", "No such image.");
  return new Response(new Uint8Array(file.body), {
    headers: {
      "Content-Type": file.contentType,
      "Content-Length": String(file.body.length),
      "Cache-Control": "public, max-age=31536000, immutable",
    },
  });
}
