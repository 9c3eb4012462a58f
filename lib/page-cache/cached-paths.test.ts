import { describe, expect, it } from "vitest";
import {
  cachedApiKeyPrefix,
  isCachedApiPath,
  isCachedPagePath,
  LISTING_ROUTE,
  listingKey,
  listingSearchOf,
  pageRoute,
} from "./cached-paths";

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
  it("keys a listing by its parameters alone, each once, in one order, and reads them back", () => {
    const key = listingKey("?sort=name&utm_source=x&q=linen shirt&q=cap&category=");
    expect(key).toBe(listingKey("?q=linen%20shirt&sort=name"));
    expect(key).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(listingSearchOf(key)).toEqual({ q: "linen shirt", sort: "name" });
    expect(listingKey("")).toBe("all");
    expect(listingKey("?utm_source=x&q=&sort=")).toBe("all");
    expect(listingSearchOf("all")).toEqual({});
    expect(pageRoute("/products", "?category=hats")).toBe(`${LISTING_ROUTE}/${listingKey("?category=hats")}`);
  });

  it("refuses a key made by hand: other parameters, repeats, another order, junk", () => {
    const handMade = (query: string) => Buffer.from(query).toString("base64url");
    expect(listingSearchOf(handMade("q=a&admin=1"))).toBeNull();
    expect(listingSearchOf(handMade("q=a&q=b"))).toBeNull();
    expect(listingSearchOf(handMade("sort=name&q=a"))).toBeNull();
    expect(listingSearchOf(handMade("q="))).toBeNull();
    expect(listingSearchOf("not base64 at all!")).toBeNull();
    expect(listingSearchOf(handMade("q=a&sort=name"))).toEqual({ q: "a", sort: "name" });
  });
});

describe("which API paths come from the route cache", () => {
  it("is one product's answer, and nothing under or beside it", () => {
    expect(isCachedApiPath("/api/products/blue-shirt")).toBe(true);
    expect(isCachedApiPath("/api/products/blue-shirt/")).toBe(true);
    for (const path of [
      "/api/products",
      "/api/products/",
      "/api/products/x/y",
      "/api/product-summaries/x",
      "/products/x",
    ])
      expect(isCachedApiPath(path), path).toBe(false);
  });

  it("finds the start of a route cache key Next.js made for a product answer", () => {
    expect(cachedApiKeyPrefix("/route-cache/APP_ROUTE/9f2c/$/api/products/blue-shirt")).toBe(
      "/route-cache/APP_ROUTE/9f2c/$",
    );
    expect(cachedApiKeyPrefix("/api/products/blue-shirt")).toBe("");
    for (const key of [
      "/route-cache/APP_PAGE/77aa/$/products/blue-shirt",
      "/route-cache/APP_ROUTE/9f2c/$/api/products",
      "/route-cache/APP_ROUTE/9f2c/$/api/products/x/y",
    ])
      expect(cachedApiKeyPrefix(key), key).toBeUndefined();
  });
});
