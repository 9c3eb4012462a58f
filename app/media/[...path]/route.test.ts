import { rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { env } from "@/lib/env";
import { getRequest, routeContext } from "@/tests/support/routes";
import { GET } from "./route";

const get = (path: string[]) => GET(getRequest(`/media/${path.join("/")}`), routeContext({ path }));

describe("GET /media/...", () => {
  it("serves a seeded product image with long-lived cache headers", async () => {
    const { db } = await import("@/lib/db");
    const image = await db.image.findFirstOrThrow();
    const response = await get(image.url.replace(/^\/media\//, "").split("/"));
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("image/webp");
    expect(response.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect(new TextDecoder().decode(bytes.slice(8, 12))).toBe("WEBP");
    await db.$disconnect();
  });

  it("refuses paths outside the media folder, hidden files and files that are not images", async () => {
    const outside = path.join(env.MEDIA_DIR, "..", "outside-media-test.webp");
    writeFileSync(outside, "not for the web");
    try {
      for (const parts of [
        ["..", "outside-media-test.webp"],
        ["products", "..", "..", "outside-media-test.webp"],
        ["..", "..", "etc", "passwd"],
        ["products", "missing.webp"],
        [".hidden.webp"],
        ["x.txt"],
      ]) {
        expect((await get(parts)).status, parts.join("/")).toBe(404);
      }
    } finally {
      rmSync(outside);
    }
  });
});
