import { describe, expect, it } from "vitest";
import { parseListingQuery } from "./listing-query";

const parse = (search: string) => parseListingQuery(new URLSearchParams(search));

describe("parseListingQuery", () => {
  it("applies defaults and treats empty parameters as absent", () => {
    expect(parse("q=&sort=&category=").data).toEqual({ page: 1, pageSize: 24 });
  });

  it("normalises the search text", () => {
    expect(parse("q=%20%20blue%20%20%20tee%20").data?.q).toBe("blue tee");
  });

  it.each([
    ["page=-1", "page"],
    ["page=0", "page"],
    ["page=abc", "page"],
    ["page=1.5", "page"],
    ["pageSize=100000", "pageSize"],
    ["pageSize=0", "pageSize"],
    ["sort=bogus", "sort"],
    [`q=${"a".repeat(201)}`, "q"],
    ["category=Not%20A%20Slug", "category"],
  ])("rejects %s naming %s", (search, field) => {
    const result = parse(search);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.path[0])).toContain(field);
  });

  it("accepts the limits themselves", () => {
    expect(parse(`q=${"a".repeat(200)}&pageSize=100&sort=price-desc&page=3`).success).toBe(true);
  });
});
