import { readFile } from "node:fs/promises";
import path from "node:path";
import { env } from "../env";

/** Product images live under MEDIA_DIR (seeded at run time, so not in `public/`, which Next freezes at build). */

const TYPES: Record<string, string> = { ".webp": "image/webp", ".png": "image/png", ".jpg": "image/jpeg" };

/** The file at `segments` under MEDIA_DIR, or null when it is missing or the path is not a media path. */
export async function readMediaFile(segments: string[]): Promise<{ body: Buffer; contentType: string } | null> {
  // Plain names only (no "..", no hidden files), and the resolved file must lie inside MEDIA_DIR.
  const plain = segments.length > 0 && segments.every((part) => /^[a-z0-9][a-z0-9._-]*$/i.test(part));
  const file = path.resolve(env.MEDIA_DIR, ...segments);
  const contentType = TYPES[path.extname(file).toLowerCase()];
  if (!plain || !file.startsWith(env.MEDIA_DIR + path.sep) || !contentType) return null;
  try {
    return { body: await readFile(file), contentType };
  } catch {
    return null;
  }
}
