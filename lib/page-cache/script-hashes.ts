import { createHash } from "node:crypto";

/**
 * The sha256 (base64) of every inline `<script>` in a page's HTML, as a CSP `'sha256-…'` source is
 * written: over the script's text exactly as the browser reads it. Scripts with a `src` are not inline.
 * React writes a script's text without `</script` inside it (it escapes `<` in the payload), so the first
 * `</script>` ends it.
 */
export function inlineScriptHashes(html: string): string[] {
  const hashes = new Set<string>();
  for (const match of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
    const [, attributes, text] = match;
    if (/\ssrc\s*=/i.test(` ${attributes}`) || text.length === 0) continue;
    hashes.add(createHash("sha256").update(text, "utf8").digest("base64"));
  }
  return [...hashes];
}
