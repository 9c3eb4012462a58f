import { describe, expect, it } from "vitest";
import { arrivesThroughProxy, clientIp } from "./client-ip";

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

describe("arrivesThroughProxy", () => {
  it("is false for loopback (Next fills in the socket's address) and true for any other address", () => {
    expect(arrivesThroughProxy(headers({ "x-forwarded-for": "::ffff:127.0.0.1" }))).toBe(false);
    expect(arrivesThroughProxy(headers({}))).toBe(false);
    expect(arrivesThroughProxy(headers({ "x-forwarded-for": "127.0.0.1, 198.51.100.7" }))).toBe(true);
    expect(arrivesThroughProxy(headers({ "x-real-ip": "198.51.100.7" }))).toBe(true);
    expect(arrivesThroughProxy(headers({ forwarded: 'for="[2001:db8::1]";proto=https' }))).toBe(true);
  });
});
