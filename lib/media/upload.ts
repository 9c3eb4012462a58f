import { randomUUID } from "node:crypto";
import { mkdir, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import sharp, { type OutputInfo } from "sharp";
import { env } from "../env";

/**
 * An uploaded product image, checked and made safe before it is kept: its bytes must be a JPEG, PNG or WebP
 * image (told by their first bytes, never by the name or the declared type), the file's name must say the
 * same, and the picture must decode. It is then re-encoded: turned upright, shrunk to fit 1600 px, written
 * as WebP without its metadata (camera, place). What the browser sent is never served.
 */

/** Uploads larger than this are refused before they are read whole. */
export const MAX_IMAGE_BYTES = 8 * 1024 * 1024;
/** A picture larger than this many pixels is refused before it is decoded (a small file can claim a huge one). */
const MAX_PIXELS = 40_000_000;
const MAX_SIDE = 1600;
/** Where uploads go under MEDIA_DIR, served at /media/products/uploads/. */
const UPLOAD_DIR = "products/uploads";

type Format = "jpeg" | "png" | "webp";

const EXTENSIONS: Record<Format, string[]> = { jpeg: [".jpg", ".jpeg"], png: [".png"], webp: [".webp"] };

export type StoredImage = { ok: true; url: string; width: number; height: number } | { ok: false; reason: string };

/** The format the bytes are, by their signature; null when they are none of the three. */
export function sniffImage(bytes: Uint8Array): Format | null {
  const starts = (...signature: number[]) => signature.every((byte, i) => bytes[i] === byte);
  if (starts(0xff, 0xd8, 0xff)) return "jpeg";
  if (starts(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return "png";
  const ascii = (from: number, to: number) => String.fromCharCode(...bytes.subarray(from, to));
  if (bytes.length >= 12 && ascii(0, 4) === "RIFF" && ascii(8, 12) === "WEBP") return "webp";
  return null;
}

/** Checks `bytes` (a file named `name`), re-encodes them and writes the result under MEDIA_DIR. */
export async function storeProductImage(bytes: Uint8Array, name: string): Promise<StoredImage> {
  const format = sniffImage(bytes);
  if (!format) return { ok: false, reason: "The file is not a JPEG, PNG or WebP image." };
  const extension = path.extname(name).toLowerCase();
  if (!EXTENSIONS[format].includes(extension)) {
    return { ok: false, reason: `The file is a ${format.toUpperCase()} image, but its name ends in "${extension}".` };
  }
  let encoded: { data: Buffer; info: OutputInfo };
  try {
    encoded = await sharp(bytes, { limitInputPixels: MAX_PIXELS, failOn: "error" })
      .rotate()
      .resize(MAX_SIDE, MAX_SIDE, { fit: "inside", withoutEnlargement: true })
      .webp({ quality: 82 })
      .toBuffer({ resolveWithObject: true });
  } catch (error) {
    const tooLarge = /pixel limit/i.test((error as Error).message);
    return { ok: false, reason: tooLarge ? "The picture has too many pixels." : "The image cannot be read." };
  }
  const file = `${UPLOAD_DIR}/${randomUUID()}.webp`;
  const target = path.join(env.MEDIA_DIR, file);
  await mkdir(path.dirname(target), { recursive: true });
  // Written aside, then renamed: a reader never sees half a file.
  await writeFile(`${target}.part`, encoded.data);
  await rename(`${target}.part`, target);
  return { ok: true, url: `/media/${file}`, width: encoded.info.width, height: encoded.info.height };
}

/** Removes an uploaded image's file (a `/media/products/uploads/...` url); any other url is left alone. */
export async function removeUploadedImage(url: string): Promise<void> {
  const prefix = `/media/${UPLOAD_DIR}/`;
  const name = url.startsWith(prefix) ? url.slice(prefix.length) : "";
  if (!/^[0-9a-f-]{36}\.webp$/.test(name)) return;
  await rm(path.join(env.MEDIA_DIR, UPLOAD_DIR, name), { force: true });
}
