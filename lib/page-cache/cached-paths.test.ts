import { describe, expect, it } from "vitest";
import { isCachedPagePath, LISTING_ROUTE, listingKey, listingSearchOf, pageRoute } from "./cached-paths";

describe("which pages come from the route cache", () => {
  it("caches home, product pages and categories without a query string; nothing per-shopper or searched", () => {
    for (const [path, search] of [
      ["/", ""],
      ["/products/blue-shirt", ""],
      ["/products/blue-shirt", "?variant=BLUE-S"],
      ["/categories/hats", ""],
      ["/categories/hats", "?utm_source=mail"],
      ["/products", ""],
      ["/products", "?q=shirt&page=2"],
    ])
      expect(isCachedPagePath(path, search), path + search).toBe(true);
    for (const [path, search] of [
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

describe("/products listings as cached pages", () => {
  it("keys a listing by its parameters alone, in one order, and reads them back", () => {
    const key = listingKey("?sort=name&utm_source=x&q=linen shirt&q=cap");
    expect(key).toBe(listingKey("?q=linen%20shirt&q=cap&sort=name"));
    expect(key).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(listingSearchOf(key)).toEqual({ q: ["linen shirt", "cap"], sort: "name" });
    expect(listingKey("")).toBe("all");
    expect(listingKey("?utm_source=x")).toBe("all");
    expect(listingSearchOf("all")).toEqual({});
    expect(pageRoute("/products", "?category=hats")).toBe(`${LISTING_ROUTE}/${listingKey("?category=hats")}`);
  });

  it("reads nothing but listing parameters from a key made by hand", () => {
    expect(listingSearchOf(Buffer.from("q=a&__proto__=x&admin=1").toString("base64url"))).toEqual({ q: "a" });
    expect(listingSearchOf("not base64 at all!")).toEqual({});
  });
});
