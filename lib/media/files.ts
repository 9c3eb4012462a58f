import { readFile } from "node:fs/promises";
import path from "node:path";
import { env } from "../env";

/** Product images live under MEDIA_DIR (seeded at run time, so not in `public/`, which Next freezes at build). */

const TYPES: Record<string, string> = { ".webp": "image/webp", ".png": "image/png", ".jpg": "image/jpeg" };

/** The file at `segments` under MEDIA_DIR, or null when it is missing or the path is not a media path. */
export async function readMediaFile(segments: string[]): Promise<{ body: Buffer; contentType: string } | null> {
  const valid =
    segments.length > 0 && segments.every((part) => /^[a-z0-9][a-z0-9._-]*$/i.test(part) && !part.includes(".."));
  const contentType = TYPES[path.extname(segments.at(-1) ?? "").toLowerCase()];
  if (!valid || !contentType) return null;
  try {
    return { body: await readFile(path.join(env.MEDIA_DIR, ...segments)), contentType };
  } catch {
    return null;
  }
}
