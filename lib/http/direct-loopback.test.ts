import { describe, expect, it } from "vitest";
import { hostName, isDirectLoopbackRequest } from "./direct-loopback";

// What the standalone server hands a route handler for a direct `curl http://127.0.0.1:3000/...` (measured).
const direct = {
  host: "127.0.0.1:3000",
  "x-forwarded-for": "127.0.0.1",
  "x-forwarded-host": "127.0.0.1:3000",
  "x-forwarded-port": "3000",
  "x-forwarded-proto": "http",
};
const request = (values: Record<string, string>) => isDirectLoopbackRequest(new Headers(values));

describe("isDirectLoopbackRequest", () => {
  it("accepts a direct request to a loopback name, with or without the headers Next fills in", () => {
    expect(request(direct)).toBe(true);
    expect(request({ host: "localhost:3100" })).toBe(true);
    expect(request({ host: "LOCALHOST" })).toBe(true);
    expect(request({ host: "127.8.9.10:80" })).toBe(true);
    expect(request({ host: "[::1]:3000", "x-forwarded-for": "::1", "x-forwarded-host": "[::1]:3000" })).toBe(true);
    expect(request({ ...direct, "x-forwarded-for": "::ffff:127.0.0.1" })).toBe(true);
  });

  it("refuses a Host beyond loopback (DNS rebinding, a proxy forwarding the public name), or none", () => {
    expect(request({ ...direct, host: "evil.example", "x-forwarded-host": "evil.example" })).toBe(false);
    expect(request({ host: "localhost.evil.example" })).toBe(false);
    expect(request({ host: "10.0.0.1:3000" })).toBe(false);
    expect(request({ host: "::1" })).toBe(false);
    expect(request({})).toBe(false);
  });

  it("refuses any header only a proxy sends", () => {
    for (const header of [
      "via",
      "forwarded",
      "x-real-ip",
      "x-forwarded-server",
      "true-client-ip",
      "cf-connecting-ip",
    ]) {
      expect(request({ ...direct, [header]: "127.0.0.1" }), header).toBe(false);
    }
  });

  it("refuses an x-forwarded-for naming another address or a list, and an x-forwarded-host other than Host", () => {
    expect(request({ ...direct, "x-forwarded-for": "203.0.113.7" })).toBe(false);
    expect(request({ ...direct, "x-forwarded-for": "127.0.0.1, 127.0.0.1" })).toBe(false);
    expect(request({ ...direct, "x-forwarded-for": "localhost" })).toBe(false);
    expect(request({ ...direct, "x-forwarded-host": "shop.example" })).toBe(false);
    expect(request({ ...direct, "x-forwarded-host": "localhost:3000" })).toBe(false);
  });
});

describe("hostName", () => {
  it("takes the name out of a Host header, and refuses a malformed one", () => {
    expect(hostName("Example.COM:8080")).toBe("example.com");
    expect(hostName("[::1]:3000")).toBe("[::1]");
    expect(hostName("127.0.0.1")).toBe("127.0.0.1");
    expect(hostName("a:b:c")).toBeNull();
    expect(hostName("localhost:port")).toBeNull();
  });
});
