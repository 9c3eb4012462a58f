import type { z } from "zod";
import { describeIssues } from "../validation";
import { jsonError } from "./errors";

/** Request bodies: at most `maxBytes`, JSON, and of the expected shape; otherwise the error response to send. */

export const MAX_BODY_BYTES = 16 * 1024;

export type Parsed<T> = { ok: true; data: T } | { ok: false; response: Response };

async function readLimited(request: Request, maxBytes: number): Promise<string | null> {
  const declared = Number(request.headers.get("content-length") ?? 0);
  if (declared > maxBytes) return null;
  if (!request.body) return "";
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
  return Buffer.concat(chunks).toString("utf8");
}

export async function parseJsonBody<T>(
  request: Request,
  schema: z.ZodType<T>,
  maxBytes = MAX_BODY_BYTES,
): Promise<Parsed<T>> {
  const text = await readLimited(request, maxBytes);
  if (text === null) {
    return { ok: false, response: jsonError("payload_too_large", `The body must be at most ${maxBytes} bytes.`) };
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, response: jsonError("invalid_input", "The body must be JSON.") };
  }
  const result = schema.safeParse(json);
  return result.success
    ? { ok: true, data: result.data }
    : { ok: false, response: jsonError("invalid_input", describeIssues(result.error)) };
}
