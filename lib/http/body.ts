import type { z } from "zod";
import { describeIssues } from "../validation";
import { jsonError } from "./errors";

/** Request bodies: at most `maxBytes`, JSON, and of the expected shape; otherwise the error response to send. */

export const MAX_BODY_BYTES = 16 * 1024;

export type Parsed<T> = { ok: true; data: T } | { ok: false; response: Response };

/**
 * The body's bytes, or null when it is larger than `maxBytes`: refused on its declared length before a byte
 * is read, else as soon as the stream passes the limit (a chunked body declares none).
 */
export async function readBodyBytes(request: Request, maxBytes: number): Promise<Buffer | null> {
  const declared = Number(request.headers.get("content-length") ?? 0);
  if (!(declared <= maxBytes)) return null;
  if (!request.body) return Buffer.alloc(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

/** A 413 `payload_too_large` for a body over `maxBytes`. */
export const tooLarge = (maxBytes: number) =>
  jsonError("payload_too_large", `The body must be at most ${maxBytes} bytes.`);

export async function parseJsonBody<T>(
  request: Request,
  schema: z.ZodType<T>,
  maxBytes = MAX_BODY_BYTES,
): Promise<Parsed<T>> {
  const bytes = await readBodyBytes(request, maxBytes);
  if (bytes === null) return { ok: false, response: tooLarge(maxBytes) };
  let json: unknown;
  try {
    json = JSON.parse(bytes.toString("utf8"));
  } catch {
    return { ok: false, response: jsonError("invalid_input", "The body must be JSON.") };
  }
  const result = schema.safeParse(json);
  return result.success
    ? { ok: true, data: result.data }
    : { ok: false, response: jsonError("invalid_input", describeIssues(result.error)) };
}
