import { describe, expect, it } from "vitest";
import { env } from "../env";
import { safeCallbackUrl } from "./callback-url";

describe("safeCallbackUrl", () => {
  it("keeps a path on this site, and reduces this site's own absolute URL to its path", () => {
    expect(safeCallbackUrl("/checkout?step=2")).toBe("/checkout?step=2");
    expect(safeCallbackUrl(new URL("/checkout?step=2#pay", env.AUTH_URL).toString())).toBe("/checkout?step=2#pay");
  });

  it("never sends anyone to another site", () => {
    for (const value of [
      "//evil.example/x",
      "/\\evil.example",
      "https://evil.example/checkout",
      "javascript:alert(1)",
      7,
    ]) {
      expect(safeCallbackUrl(value)).toBe("/account");
    }
  });
});
