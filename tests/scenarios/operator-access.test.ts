import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AppServer } from "@/tests/support/app-server";
import { freePort } from "@/tests/support/ports";
import { notDirectRequests, rawRequest } from "@/tests/support/raw-http";

// Who reads /api/metrics and /api/health's details, against the real built app (its standalone server): one instance without
// METRICS_TOKEN (direct loopback requests only), one with it (its bearer only).

const TOKEN = randomBytes(32).toString("hex");
let open: AppServer;
let tokened: AppServer;

beforeAll(async () => {
  [open, tokened] = await Promise.all([
    // "" is unset, whatever this shell's METRICS_TOKEN is.
    AppServer.start("no-token app", await freePort(), { METRICS_TOKEN: "" }),
    AppServer.start("token app", await freePort(), { METRICS_TOKEN: TOKEN }),
  ]);
}, 90_000);

afterAll(async () => {
  await Promise.all([open?.stop(), tokened?.stop()]);
});

const errorCode = (body: string) => JSON.parse(body).error.code;

describe("without METRICS_TOKEN", () => {
  it("/api/metrics answers a direct local request only; others get 403 forbidden", async () => {
    const local = await fetch(`${open.origin}/api/metrics`);
    expect(local.status).toBe(200);
    expect(await local.text()).toContain("# TYPE brisk_cache_requests_total");
    for (const [name, headers] of Object.entries(notDirectRequests(open.origin))) {
      const response = await rawRequest(open.origin, "/api/metrics", { headers });
      expect(response.status, name).toBe(403);
      expect(errorCode(response.body)).toBe("forbidden");
      expect(response.body).not.toContain("brisk_");
    }
  });

  it("/api/health gives the details to a direct local request, and the status alone to others", async () => {
    const local = await fetch(`${open.origin}/api/health`);
    expect(local.status).toBe(200);
    expect(await local.json()).toMatchObject({ status: "ok", postgres: "up", cacheBreaker: "closed" });
    for (const [name, headers] of Object.entries(notDirectRequests(open.origin))) {
      const response = await rawRequest(open.origin, "/api/health", { headers });
      expect(response.status, name).toBe(200);
      expect(JSON.parse(response.body), name).toEqual({ status: "ok" });
    }
  });
});

describe("with METRICS_TOKEN", () => {
  const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

  it("/api/metrics needs its bearer token, even from loopback: else 401 unauthorized", async () => {
    for (const headers of [{}, bearer("wrong"), bearer(TOKEN.slice(1)), { authorization: TOKEN }]) {
      const response = await fetch(`${tokened.origin}/api/metrics`, { headers });
      expect(response.status, JSON.stringify(headers)).toBe(401);
      expect(response.headers.get("www-authenticate")).toMatch(/^Bearer/);
      expect((await response.json()).error.code).toBe("unauthorized");
    }
    const scraped = await rawRequest(tokened.origin, "/api/metrics", {
      headers: { ...bearer(TOKEN), host: "shop.example", "x-forwarded-for": "203.0.113.7" },
    });
    expect(scraped.status).toBe(200);
    expect(scraped.body).toContain("# TYPE brisk_cache_requests_total");
  });

  it("/api/health gives the details only with the bearer token", async () => {
    const anyone = await fetch(`${tokened.origin}/api/health`);
    expect(anyone.status).toBe(200);
    expect(await anyone.json()).toEqual({ status: "ok" });
    const wrong = await fetch(`${tokened.origin}/api/health`, { headers: bearer("wrong") });
    expect(await wrong.json()).toEqual({ status: "ok" });
    const operator = await fetch(`${tokened.origin}/api/health`, { headers: bearer(TOKEN) });
    expect(await operator.json()).toMatchObject({ status: "ok", postgres: "up", redis: { state: "up", cache: "up" } });
  });
});
