import { describe, expect, it } from "vitest";
import { clientIp } from "./client-ip";

const headers = (values: Record<string, string>) => new Headers(values);

describe("clientIp", () => {
  it("trusts no x-forwarded-for without trusted proxies", () => {
    expect(clientIp(headers({ "x-forwarded-for": "198.51.100.1" }), 0)).toBeNull();
  });

  it("takes the entry the outermost trusted proxy wrote, ignoring what the client forged to its left", () => {
    const forged = headers({ "x-forwarded-for": "1.2.3.4, 203.0.113.9" });
    expect(clientIp(forged, 1)).toBe("203.0.113.9");
    const twoProxies = headers({ "x-forwarded-for": "1.2.3.4, 203.0.113.9, 10.0.0.2" });
    expect(clientIp(twoProxies, 2)).toBe("203.0.113.9");
  });

  it("answers null for a missing or malformed entry", () => {
    expect(clientIp(headers({}), 1)).toBeNull();
    expect(clientIp(headers({ "x-forwarded-for": "not-an-ip" }), 1)).toBeNull();
  });
});
