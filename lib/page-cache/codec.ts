import { deflateRawSync, inflateRawSync } from "node:zlib";

/**
 * What Next.js hands the route cache (a rendered page: HTML, the RSC payload as a Buffer, its segments in a
 * Map of Buffers, headers, status) as one string for lib/cache, and back. Buffers become base64 strings and
 * Maps lists of pairs, each marked so that decoding restores exactly what was encoded; the JSON is then
 * deflated (a product page's 108 KB of HTML and payload is mostly markup: it is stored in 24 KB).
 */

export function packPage(value: unknown): string {
  return deflateRawSync(JSON.stringify(encodeForCache(value))).toString("base64");
}

export function unpackPage(packed: string): unknown {
  return decodeFromCache(JSON.parse(inflateRawSync(Buffer.from(packed, "base64")).toString("utf8")));
}

type Encoded = { $buffer: string } | { $map: [unknown, unknown][] };

export function encodeForCache(value: unknown): unknown {
  if (Buffer.isBuffer(value)) return { $buffer: value.toString("base64") } satisfies Encoded;
  if (value instanceof Map) {
    return { $map: [...value].map(([key, item]) => [encodeForCache(key), encodeForCache(item)]) } satisfies Encoded;
  }
  if (Array.isArray(value)) return value.map(encodeForCache);
  if (value !== null && typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) if (item !== undefined) out[key] = encodeForCache(item);
    return out;
  }
  return value;
}

export function decodeFromCache(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(decodeFromCache);
  if (value === null || typeof value !== "object") return value;
  if ("$buffer" in value && typeof value.$buffer === "string") return Buffer.from(value.$buffer, "base64");
  if ("$map" in value && Array.isArray(value.$map)) {
    return new Map(
      (value.$map as [unknown, unknown][]).map(([key, item]) => [decodeFromCache(key), decodeFromCache(item)]),
    );
  }
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) out[key] = decodeFromCache(item);
  return out;
}
