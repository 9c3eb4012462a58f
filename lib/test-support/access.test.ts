import { describe, expect, it } from "vitest";
import { testSupportAllowed } from "./access";

const TOKEN = "a1".repeat(20);
const headers = (authorization?: string) => new Headers(authorization === undefined ? {} : { authorization });

describe("who may use the test-support API", () => {
  it("nobody while TEST_SUPPORT_TOKEN is unset, whatever they send", () => {
    for (const value of [undefined, "", `Bearer ${TOKEN}`, "Bearer ", "Bearer undefined"]) {
      expect(testSupportAllowed(headers(value), undefined), String(value)).toBe(false);
      expect(testSupportAllowed(headers(value), ""), String(value)).toBe(false);
    }
  });

  it("only the exact bearer token when set", () => {
    expect(testSupportAllowed(headers(`Bearer ${TOKEN}`), TOKEN)).toBe(true);
    expect(testSupportAllowed(headers(`bearer ${TOKEN}`), TOKEN)).toBe(true);
    for (const value of [
      undefined,
      TOKEN,
      `Basic ${TOKEN}`,
      `Bearer ${TOKEN.slice(0, -1)}`,
      `Bearer ${TOKEN.slice(1)}`,
      `Bearer ${TOKEN}0`,
      `Bearer ${TOKEN.toUpperCase()}`,
      `Bearer ${TOKEN} extra`,
      "Bearer ",
    ]) {
      expect(testSupportAllowed(headers(value), TOKEN), String(value)).toBe(false);
    }
  });
});
