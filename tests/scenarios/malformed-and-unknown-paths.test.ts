import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { AppServer } from "@/tests/support/app-server";
import { freePort } from "@/tests/support/ports";
import { rawRequest } from "@/tests/support/raw-http";

// Paths that are not valid URLs, and /api paths no route serves, against the real built app (its standalone server): never a 500,
// JSON under /api, the site's HTML page elsewhere.

let server: AppServer;

beforeAll(async () => {
  server = await AppServer.start("paths app", await freePort(), {});
}, 90_000);

afterAll(async () => {
  await server.stop();
  await db.$disconnect();
});

const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"];

describe("a path with a malformed percent-encoding", () => {
  it("under /api: 400 invalid_input in the JSON error shape", async () => {
    for (const path of ["/api/products/%E0%A4%A", "/api/products/%", "/api/cart/items/%", "/api/auth/%", "/api/%"]) {
      for (const method of ["GET", "POST"]) {
        const response = await rawRequest(server.origin, path, { method });
        expect(response.status, `${method} ${path}`).toBe(400);
        expect(response.headers["content-type"]).toMatch(/^application\/json/);
        expect(JSON.parse(response.body).error.code).toBe("invalid_input");
      }
    }
  });

  it("elsewhere: the site's HTML 404 page", async () => {
    for (const path of ["/products/%", "/products/%E0%A4%A", "/categories/%", "/media/%", "/orders/%", "/%"]) {
      const response = await rawRequest(server.origin, path);
      expect(response.status, path).toBe(404);
      expect(response.headers["content-type"]).toMatch(/^text\/html/);
      expect(response.body).toContain("We couldn’t find that page");
    }
  });
});

describe("an /api path no route serves", () => {
  it("answers 404 not_found in the JSON error shape, whatever the method", async () => {
    for (const path of ["/api", "/api/nope", "/api/products/x/y", "/api/cart/items/1/extra"]) {
      for (const method of METHODS) {
        const response = await fetch(server.origin + path, { method });
        expect(response.status, `${method} ${path}`).toBe(404);
        expect(response.headers.get("content-type")).toMatch(/^application\/json/);
        expect((await response.json()).error.code).toBe("not_found");
      }
    }
  });

  it("shadows no real route: products, Auth.js, health; a known path's missing method stays 405", async () => {
    const { slug } = await db.product.findFirstOrThrow({ where: { status: "ACTIVE" } });
    expect((await fetch(`${server.origin}/api/products/${slug}`)).status).toBe(200);
    expect((await fetch(`${server.origin}/api/products?pageSize=1`)).status).toBe(200);
    expect((await fetch(`${server.origin}/api/health`)).status).toBe(200);
    const csrf = await fetch(`${server.origin}/api/auth/csrf`);
    expect(csrf.status).toBe(200);
    expect((await csrf.json()).csrfToken).toMatch(/^\w+$/);
    expect((await fetch(`${server.origin}/api/auth/providers`)).status).toBe(200);
    expect((await fetch(`${server.origin}/api/products/${slug}`, { method: "POST" })).status).toBe(405);
  });
});
