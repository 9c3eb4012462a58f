import { describe, expect, it } from "vitest";
import {
  baseHeaders,
  isHttps,
  NON_PAGE_SOURCES,
  newNonce,
  pageCsp,
  RESOURCE_CSP,
  securityHeaderRules,
} from "./security-headers";

/** A policy as a map of directive → its sources. */
const directives = (policy: string) =>
  new Map(
    policy
      .split(";")
      .map((part) => part.trim().split(/\s+/) as [string, ...string[]])
      .map(([d, ...s]) => [d, s]),
  );

const keys = (headers: { key: string }[]) => headers.map(({ key }) => key);

describe("security headers", () => {
  it("send HSTS only when the public origin is https", () => {
    expect(isHttps("https://shop.example")).toBe(true);
    expect(isHttps("http://localhost:3000")).toBe(false);
    expect(keys(baseHeaders({ https: false }))).not.toContain("Strict-Transport-Security");
    const hsts = baseHeaders({ https: true }).find(({ key }) => key === "Strict-Transport-Security");
    expect(hsts?.value).toMatch(/^max-age=31536000\b/);
    for (const https of [true, false]) {
      const rules = securityHeaderRules({ https });
      const everywhere = rules.find(({ source }) => source === "/:path*")!;
      expect(keys(everywhere.headers).includes("Strict-Transport-Security")).toBe(https);
    }
  });

  it("give pages a nonce policy, and 'unsafe-eval' and <style> elements only in development", () => {
    const policy = directives(pageCsp("abc123=="));
    expect(policy.get("script-src")).toEqual(["'self'", "'nonce-abc123=='", "'strict-dynamic'"]);
    expect(policy.get("default-src")).toEqual(["'self'"]);
    expect(policy.get("object-src")).toEqual(["'none'"]);
    expect(policy.get("base-uri")).toEqual(["'none'"]);
    expect(policy.get("form-action")).toEqual(["'self'"]);
    expect(policy.get("frame-ancestors")).toEqual(["'none'"]);
    expect(policy.get("style-src")).toEqual(["'self'"]);
    expect(policy.get("style-src-attr")).toEqual(["'unsafe-inline'"]);
    expect(policy.get("img-src")).toEqual(["'self'", "data:", "blob:"]);
    expect(pageCsp("n")).not.toContain("unsafe-eval");
    const dev = directives(pageCsp("n", { dev: true }));
    expect(dev.get("script-src")).toContain("'unsafe-eval'");
    expect(dev.get("style-src")).toEqual(["'self'", "'unsafe-inline'"]);
  });

  it("make a fresh nonce each time, in the form Next.js reads from the policy", () => {
    const nonces = new Set(Array.from({ length: 100 }, newNonce));
    expect(nonces.size).toBe(100);
    // Next.js takes the nonce out of script-src with this pattern (get-script-nonce-from-header.js).
    for (const nonce of nonces) expect(`'nonce-${nonce}'`).toMatch(/^'nonce-([A-Za-z0-9+/_-]+={0,2})'$/);
  });

  it("give every non-page path exactly one CSP, the resource policy, and pages none from next.config", () => {
    const rules = securityHeaderRules({ https: false });
    const withCsp = rules.filter(({ headers }) => keys(headers).includes("Content-Security-Policy"));
    expect(withCsp.map(({ source }) => source)).toEqual(NON_PAGE_SOURCES);
    for (const rule of withCsp) expect(rule.headers).toEqual([{ key: "Content-Security-Policy", value: RESOURCE_CSP }]);
    expect(keys(rules.find(({ source }) => source === "/:path*")!.headers)).not.toContain("Content-Security-Policy");
  });
});
