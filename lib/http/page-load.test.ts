import { describe, expect, it } from "vitest";
import { isPageLoad } from "./page-load";

describe("isPageLoad", () => {
  it("is a browser loading the page, or a client without fetch metadata", () => {
    expect(isPageLoad(new Headers({ "sec-fetch-dest": "document", "sec-fetch-mode": "navigate" }))).toBe(true);
    expect(isPageLoad(new Headers())).toBe(true);
  });

  it("is not a page's script fetching (Next's router), nor a speculative prefetch", () => {
    expect(isPageLoad(new Headers({ "sec-fetch-dest": "empty", rsc: "1" }))).toBe(false);
    expect(isPageLoad(new Headers({ "sec-fetch-dest": "document", "sec-purpose": "prefetch;prerender" }))).toBe(false);
    expect(isPageLoad(new Headers({ purpose: "prefetch" }))).toBe(false);
  });
});
