import { describe, expect, it } from "vitest";
import { operatorAccess } from "./operator-access";

const TOKEN = "t".repeat(40);
// "" is "not set" (as for every variable), whatever this shell's METRICS_TOKEN is.
const access = (values: Record<string, string>, token = "", host = "127.0.0.1") =>
  operatorAccess(new Headers(values), token, host);

describe("operatorAccess", () => {
  it("with a token: only its bearer, from anywhere; anything else is unauthorized, loopback included", () => {
    expect(access({ host: "shop.example", authorization: `Bearer ${TOKEN}` }, TOKEN)).toBe("ok");
    expect(access({ host: "shop.example", authorization: `bearer  ${TOKEN}` }, TOKEN)).toBe("ok");
    expect(access({ host: "localhost:3000" }, TOKEN)).toBe("unauthorized");
    expect(access({ host: "localhost:3000", authorization: `Bearer ${TOKEN}x` }, TOKEN)).toBe("unauthorized");
    expect(access({ host: "localhost:3000", authorization: `Bearer ${TOKEN.slice(1)}` }, TOKEN)).toBe("unauthorized");
    expect(access({ host: "localhost:3000", authorization: TOKEN }, TOKEN)).toBe("unauthorized");
    expect(access({ host: "localhost:3000", authorization: "Bearer " }, TOKEN)).toBe("unauthorized");
    expect(access({ host: "localhost:3000", authorization: `Basic ${TOKEN}` }, TOKEN)).toBe("unauthorized");
  });

  it("without a token: a direct loopback request; anything else is forbidden, whatever it presents", () => {
    expect(access({ host: "127.0.0.1:3000", "x-forwarded-for": "127.0.0.1" })).toBe("ok");
    expect(access({ host: "shop.example", authorization: `Bearer ${TOKEN}` })).toBe("forbidden");
    expect(access({ host: "127.0.0.1:3000", "x-forwarded-for": "203.0.113.7" })).toBe("forbidden");
    expect(access({ host: "127.0.0.1:3000", via: "1.1 proxy" })).toBe("forbidden");
  });

  it("without a token on a server listening beyond loopback: nobody, as the headers can be forged there", () => {
    const forged = { host: "localhost:3000", "x-forwarded-for": "127.0.0.1" };
    expect(access(forged, "", "127.0.0.1")).toBe("ok");
    expect(access(forged, "", "0.0.0.0")).toBe("forbidden");
    expect(access({ ...forged, authorization: `Bearer ${TOKEN}` }, TOKEN, "0.0.0.0")).toBe("ok");
  });
});
