import { describe, expect, it } from "vitest";
import { isMalformedPath } from "./malformed-path";

describe("isMalformedPath", () => {
  it("is true for a percent sign that starts no valid UTF-8 escape", () => {
    for (const path of ["/products/%", "/api/products/%E0%A4%A", "/media/%zz.webp", "/a/%E0/%A4%A4", "/%C3"]) {
      expect(isMalformedPath(path), path).toBe(true);
    }
  });

  it("is false for plain and well-encoded paths", () => {
    for (const path of ["/", "/products/blue-mug", "/api/products/%C3%A9t%C3%A9", "/media/a%20b.webp", "/x/%25"]) {
      expect(isMalformedPath(path), path).toBe(false);
    }
  });
});
