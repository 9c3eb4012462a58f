import { describe, expect, it } from "vitest";
import { packPage, unpackPage } from "./codec";

describe("packPage / unpackPage", () => {
  it("restores a rendered page exactly: strings, Buffers, Maps of Buffers, headers, status", () => {
    const page = {
      kind: "APP_PAGE",
      html: "<!DOCTYPE html><p>é €</p>" + "<li>item</li>".repeat(200),
      small: "a short string",
      rscData: Buffer.from([0, 1, 2, 255]),
      segmentData: new Map([["/_tree", Buffer.from("tree")]]),
      headers: { "x-next-cache-tags": "product:1,listings" },
      status: 200,
      postponed: undefined,
    };
    const restored = unpackPage(packPage(page)) as typeof page;
    expect(Buffer.isBuffer(restored.rscData)).toBe(true);
    expect(restored.segmentData).toBeInstanceOf(Map);
    expect(restored).toEqual({ ...page, postponed: undefined });
    expect("postponed" in restored).toBe(false);
  });

  it("keeps a page's markup in a fraction of its size", () => {
    const html = Array.from(
      { length: 400 },
      (_, i) => `<li class="rounded border p-4"><a href="/products/p-${i}">Product ${i}</a></li>`,
    ).join("");
    expect(packPage({ html }).length).toBeLessThan(html.length / 4);
  });
});
