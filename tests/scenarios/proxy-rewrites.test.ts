import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { AppServer } from "@/tests/support/app-server";
import { connectionsTo } from "@/tests/support/own-connections";
import { freePort } from "@/tests/support/ports";

// proxy.ts rewrites a search, the listing and a category with a query to routes of their own. Bound to
// 127.0.0.1 (as `npm start` and the production shape are), the rewritten request must be served in the same
// process: Next.js once took it for another origin and proxied it to the server itself, over a connection
// that a draining instance refuses (a 500 during rolling restarts).

let server: AppServer;
let port: number;

beforeAll(async () => {
  port = await freePort();
  server = await AppServer.start("rewrites app", port, {});
}, 90_000);

afterAll(async () => {
  await server.stop();
  await db.$disconnect();
});

describe("the proxy's rewrites", () => {
  it("are served in the process, with no request from the server to itself", async () => {
    const category = await db.category.findFirstOrThrow({ orderBy: { slug: "asc" } });
    const pages = [
      { path: "/products?q=shirt", heading: "Search results" },
      { path: "/products", heading: "All products" },
      { path: `/categories/${category.slug}?sort=price_asc`, heading: category.name },
    ];
    for (const { path, heading } of pages) {
      const response = await fetch(`${server.origin}${path}`);
      expect(response.status, path).toBe(200);
      expect(await response.text(), path).toContain(heading);
    }
    expect(await connectionsTo(server.pid, port)).toBe(0);
  });
});
