import { describe, expect, it } from "vitest";
import { isCachedPagePath, pageRoute } from "./cached-paths";

describe("which pages come from the route cache", () => {
  it("caches home, product pages and categories without a query string; nothing per-shopper or searched", () => {
    for (const [path, search] of [
      ["/", ""],
      ["/products/blue-shirt", ""],
      ["/products/blue-shirt", "?variant=BLUE-S"],
      ["/categories/hats", ""],
      ["/categories/hats", "?utm_source=mail"],
    ])
      expect(isCachedPagePath(path, search), path + search).toBe(true);
    for (const [path, search] of [
      ["/products", ""],
      ["/products", "?q=shirt"],
      ["/categories/hats", "?sort=name"],
      ["/categories/hats", "?page=2"],
      ["/categories/hats", "?utm_source=mail&pageSize=48"],
      ["/categories/hats/filtered", "?page=2"],
      ["/cart", ""],
      ["/account", ""],
      ["/signin", ""],
    ])
      expect(isCachedPagePath(path, search), path + search).toBe(false);
  });

  it("routes a category's query to its per-request listing", () => {
    expect(pageRoute("/", "")).toBeNull(); // next.config.ts rewrites it to HOME_ROUTE
    expect(pageRoute("/categories/hats", "?sort=name&page=2")).toBe("/categories/hats/filtered?sort=name&page=2");
    expect(pageRoute("/categories/hats", "")).toBeNull();
    expect(pageRoute("/categories/hats", "?utm_source=mail")).toBeNull();
    expect(pageRoute("/products/blue-shirt", "?variant=X")).toBeNull();
  });
});
