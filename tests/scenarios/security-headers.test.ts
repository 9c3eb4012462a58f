import http from "node:http";
import { createHash, randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeRedisClients } from "@/lib/redis/clients";
import { IMAGE_CSP, RESOURCE_CSP } from "@/lib/http/security-headers";
import { AppServer } from "@/tests/support/app-server";
import { BrowserClient } from "@/tests/support/browser-client";
import { freePort } from "@/tests/support/ports";

// Every kind of response of the built app (the standalone server) carries the security headers, each exactly once:
// pages rendered per request with a nonce policy of their own (proxy.ts), pages from the route cache with
// their scripts' hashes (lib/page-cache), everything else with the resource policy (next.config.ts).

let server: AppServer;

beforeAll(async () => {
  server = await AppServer.start("security headers app", await freePort(), {});
}, 90_000);

afterAll(async () => {
  await server.stop();
  await closeRedisClients();
});

type Answer = { status: number; headers: Record<string, string[]>; body: string };

/** A GET through node:http, which keeps repeated headers apart (fetch would join them with ", "). */
function get(path: string, headers: Record<string, string> = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    http
      .get(server.origin + path, { headers }, (response) => {
        const all: Record<string, string[]> = {};
        const raw = response.rawHeaders;
        for (let i = 0; i < raw.length; i += 2) (all[raw[i].toLowerCase()] ??= []).push(raw[i + 1]);
        let body = "";
        response.setEncoding("latin1");
        response.on("data", (chunk: string) => (body += chunk));
        response.on("end", () => resolve({ status: response.statusCode!, headers: all, body }));
      })
      .on("error", reject);
  });
}

/** The value of a header that must be sent exactly once. */
function single(answer: Answer, name: string): string {
  expect(answer.headers[name], `${name} exactly once`).toHaveLength(1);
  return answer.headers[name][0];
}

/** The headers every response carries, whatever it is; no HSTS, as AUTH_URL was http at build time. */
function expectBaseHeaders(answer: Answer) {
  expect(single(answer, "x-content-type-options")).toBe("nosniff");
  expect(single(answer, "referrer-policy")).toBe("same-origin");
  const permissions = single(answer, "permissions-policy");
  for (const feature of ["camera", "microphone", "geolocation", "browsing-topics"])
    expect(permissions).toContain(`${feature}=()`);
  expect(single(answer, "cross-origin-opener-policy")).toBe("same-origin");
  expect(single(answer, "x-frame-options")).toBe("DENY");
  expect(answer.headers["strict-transport-security"]).toBeUndefined();
}

/** A page: the base headers and one nonce policy; answers the nonce. */
function expectPageHeaders(answer: Answer): string {
  expectBaseHeaders(answer);
  const csp = single(answer, "content-security-policy");
  const nonce = /script-src 'self' 'nonce-([A-Za-z0-9+/]{22}==)' 'strict-dynamic';/.exec(csp)?.[1];
  expect(nonce, csp).toBeDefined();
  for (const directive of [
    "default-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ])
    expect(csp).toContain(directive);
  expect(csp).not.toContain("unsafe-eval");
  return nonce!;
}

/** A page from the route cache: the base headers and one policy allowing exactly its inline scripts by hash. */
function expectCachedPageHeaders(answer: Answer) {
  expectBaseHeaders(answer);
  const csp = single(answer, "content-security-policy");
  expect(/script-src [^;]*/.exec(csp)?.[0]).not.toMatch(/nonce-|strict-dynamic|unsafe-/);
  const allowed = new Set([...csp.matchAll(/'sha256-([A-Za-z0-9+/=]+)'/g)].map(([, hash]) => hash));
  const inline = [...answer.body.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)]
    .filter(([, attributes, text]) => !/\ssrc=/.test(attributes) && text.length > 0)
    .map(([, , text]) => createHash("sha256").update(Buffer.from(text, "latin1")).digest("base64"));
  expect(inline.length).toBeGreaterThanOrEqual(3);
  for (const hash of inline) expect(allowed, "every inline script allowed by its hash").toContain(hash);
  expect(scriptNonces(answer.body).filter((nonce) => nonce !== null)).toEqual([]);
  for (const directive of ["default-src 'self'", "object-src 'none'", "base-uri 'none'", "frame-ancestors 'none'"])
    expect(csp).toContain(directive);
}

function expectResourceHeaders(answer: Answer, csp = RESOURCE_CSP) {
  expectBaseHeaders(answer);
  expect(single(answer, "content-security-policy")).toBe(csp);
}

/** The nonce attribute of every <script> of a page (null for a script without one). */
/** The nonce of every script the browser would run (JSON-LD data blocks are data: no policy applies to them). */
const scriptNonces = (html: string) =>
  [...html.matchAll(/<script\b[^>]*>/g)]
    .filter(([tag]) => !/\stype="application\/ld\+json"/.test(tag))
    .map(([tag]) => /\snonce="([^"]*)"/.exec(tag)?.[1] ?? null);

describe("security headers", () => {
  it("a page rendered per request gets a nonce of its own on every request, and each of its scripts carries it", async () => {
    const first = await get("/cart");
    const second = await get("/cart");
    expect([first.status, second.status]).toEqual([200, 200]);
    const nonces = [expectPageHeaders(first), expectPageHeaders(second)];
    expect(nonces[0]).not.toBe(nonces[1]);
    for (const [page, nonce] of [
      [first, nonces[0]],
      [second, nonces[1]],
    ] as const) {
      const scripts = scriptNonces(page.body);
      expect(scripts.length).toBeGreaterThan(3);
      expect(new Set(scripts)).toEqual(new Set([nonce]));
    }
  });

  it("the 404 page carries the page headers and its scripts the nonce", async () => {
    const answer = await get("/no/such/page");
    expect(answer.status).toBe(404);
    const nonce = expectPageHeaders(answer);
    expect(new Set(scriptNonces(answer.body))).toEqual(new Set([nonce]));
  });

  it("a page from the route cache allows exactly its own inline scripts, when rendered and when served", async () => {
    for (const path of ["/", "/products"]) {
      const rendered = await get(path);
      const served = await get(path);
      expect(single(served, "x-nextjs-cache"), path).toBe("HIT");
      expect(served.body).toBe(rendered.body);
      for (const answer of [rendered, served]) expectCachedPageHeaders(answer);
    }
    // A 404 on a cached route is not kept (any address may ask for one), and still gets its own policy.
    for (const path of ["/products/this-product-does-not-exist", "/products/results/bm90LWEta2V5"]) {
      const answers = [await get(path), await get(path)];
      for (const answer of answers) {
        expect(answer.status, path).toBe(404);
        expect(single(answer, "x-nextjs-cache"), path).toBe("MISS");
        expectCachedPageHeaders(answer);
      }
    }
  });

  it("the signed-out redirect from /account carries them", async () => {
    const answer = await get("/account/orders");
    expect(answer.status).toBe(307);
    expect(single(answer, "location")).toBe("/signin?callbackUrl=%2Faccount%2Forders");
    expectPageHeaders(answer);
  });

  it("a signed-in page still gets its session cookie back, with the page headers", async () => {
    const shopper = new BrowserClient(server.origin);
    await shopper.signIn(`headers-${randomUUID()}@example.com`);
    const answer = await get("/account", { cookie: `authjs.session-token=${shopper.sessionToken}` });
    expect(answer.status).toBe(200);
    expectPageHeaders(answer);
    expect(answer.headers["set-cookie"]?.some((line) => line.startsWith("authjs.session-token="))).toBe(true);
  });

  it("JSON routes, their errors, media and the image optimizer carry the resource policy", async () => {
    for (const path of ["/api/health", "/api/products?pageSize=1", "/api/products/no-such-product"]) {
      const answer = await get(path);
      expect(answer.headers["content-type"]?.[0], path).toMatch(/^application\/json/);
      expectResourceHeaders(answer);
    }
    const { products } = JSON.parse((await get("/api/products?pageSize=1")).body);
    // A product's answer rendered, then kept: the last comes from the proxy, out of this process's memory
    // (Next.js' routed answer varies by its RSC request headers, the proxy's answer does not).
    const views = [];
    for (let view = 0; view < 3; view++) views.push(await get(`/api/products/${products[0].slug}`));
    expect(single(views[0], "vary")).toContain("rsc");
    expect(single(views[2], "vary")).toBe("Accept-Encoding");
    for (const answer of views) expectResourceHeaders(answer);
    const imageUrl: string = products[0].image.url;
    expect(imageUrl).toMatch(/^\/media\//);
    const image = await get(imageUrl);
    expect(image.status).toBe(200);
    expect(image.headers["content-type"]).toEqual(["image/webp"]);
    expectResourceHeaders(image);
    const missing = await get("/media/products/no-such-image.webp");
    expect(missing.status).toBe(404);
    expectResourceHeaders(missing);
    const optimized = await get(`/_next/image?url=${encodeURIComponent(imageUrl)}&w=256&q=75`, {
      accept: "image/webp",
    });
    expect(optimized.status).toBe(200);
    expect(optimized.headers["content-type"]).toEqual(["image/webp"]);
    expectResourceHeaders(optimized, IMAGE_CSP);
  });

  it("static assets and the favicon path carry the resource policy", async () => {
    const page = await get("/");
    const assets = [...page.body.matchAll(/(?:src|href)="(\/_next\/static\/[^"]+\.(?:js|css))"/g)].map(
      ([, url]) => url,
    );
    expect(assets.some((url) => url.endsWith(".js"))).toBe(true);
    expect(assets.some((url) => url.endsWith(".css"))).toBe(true);
    for (const url of new Set(assets)) {
      const asset = await get(url);
      expect(asset.status, url).toBe(200);
      expectResourceHeaders(asset);
    }
    expectResourceHeaders(await get("/_next/static/no-such-file.js"));
    expectResourceHeaders(await get("/favicon.ico"));
  });

  it("pages at the edge of the route cache get the policy of how they were rendered, once", async () => {
    const { slug } = await (await fetch(`${server.origin}/api/products?pageSize=1`)).json().then((r) => r.products[0]);
    const category = "tees";
    for (const path of [
      `/products/${slug}?variant=x`,
      `/categories/${category}`,
      `/categories/${category}?utm_source=m`,
      "/products?q=shirt",
    ]) {
      await get(path);
      expectCachedPageHeaders(await get(path));
    }
    for (const path of [
      `/categories/${category}?sort=name`,
      `/categories/${category}?page=2`,
      `/products/${slug}/more`,
    ]) {
      const answer = await get(path);
      expect(new Set(scriptNonces(answer.body)), path).toEqual(new Set([expectPageHeaders(answer)]));
    }
  });

  it("paths at the edge of the proxy's matcher get one policy, never two", async () => {
    // /media and /_next themselves are pages (404s): the resources' policy starts one segment further.
    for (const path of ["/media", "/_next"]) {
      const answer = await get(path);
      expect(answer.status, path).toBe(404);
      expectPageHeaders(answer);
    }
    // /api itself is the API's JSON 404, with the resources' policy.
    const api = await get("/api");
    expect(api.status).toBe(404);
    expect(single(api, "content-security-policy")).toBe(RESOURCE_CSP);
  });
});
