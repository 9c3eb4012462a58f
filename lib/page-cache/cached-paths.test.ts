import { describe, expect, it } from "vitest";
import { HOME_ROUTE, isCachedPagePath, pageRoute } from "./cached-paths";

describe("which pages come from the route cache", () => {
  it("caches home, product pages and categories without a query string; nothing per-shopper or searched", () => {
    for (const [path, search] of [
      ["/", ""],
      ["/products/blue-shirt", ""],
      ["/products/blue-shirt", "?variant=BLUE-S"],
      ["/categories/hats", ""],
    ])
      expect(isCachedPagePath(path, search), path + search).toBe(true);
    for (const [path, search] of [
      ["/products", ""],
      ["/products", "?q=shirt"],
      ["/categories/hats", "?sort=name"],
      ["/categories/hats/filtered", "?page=2"],
      ["/cart", ""],
      ["/account", ""],
      ["/signin", ""],
    ])
      expect(isCachedPagePath(path, search), path + search).toBe(false);
  });

  it("routes / to the home route and a category's query to its per-request listing", () => {
    expect(pageRoute("/", "")).toBe(HOME_ROUTE);
    expect(pageRoute("/categories/hats", "?sort=name&page=2")).toBe("/categories/hats/filtered?sort=name&page=2");
    expect(pageRoute("/categories/hats", "")).toBeNull();
    expect(pageRoute("/products/blue-shirt", "?variant=X")).toBeNull();
  });
});
