import { describe, expect, it } from "vitest";
import { L1 } from "./l1";

function clock() {
  let now = 1_000;
  return { now: () => now, advance: (ms: number) => (now += ms) };
}

describe("L1", () => {
  it("holds a value until its expiry, not after", () => {
    const time = clock();
    const l1 = new L1(10, time.now);
    l1.set("a", { n: 1 }, 100, []);
    time.advance(99);
    expect(l1.get("a")).toEqual({ value: { n: 1 } });
    time.advance(1);
    expect(l1.get("a")).toBeUndefined();
  });

  it("is bounded, and evicts the least recently used first", () => {
    const l1 = new L1(2);
    l1.set("a", 1, 1000, []);
    l1.set("b", 2, 1000, []);
    l1.get("a");
    l1.set("c", 3, 1000, []);
    expect(l1.size).toBe(2);
    expect(l1.get("b")).toBeUndefined();
    expect(l1.get("a")).toEqual({ value: 1 });
    expect(l1.get("c")).toEqual({ value: 3 });
  });

  it("drops entries by key and by tag", () => {
    const l1 = new L1(10);
    l1.set("p1", 1, 1000, ["product:1", "listings"]);
    l1.set("p2", 2, 1000, ["product:2"]);
    l1.set("list", 3, 1000, ["listings"]);
    l1.deleteTags(["listings"]);
    expect([l1.get("p1"), l1.get("list")]).toEqual([undefined, undefined]);
    expect(l1.get("p2")).toEqual({ value: 2 });
    l1.deleteKeys(["p2"]);
    expect(l1.get("p2")).toBeUndefined();
  });

  it("freezes what it holds, so no caller can change it for the others", () => {
    const l1 = new L1(10);
    l1.set("p", { variants: [{ stock: 3 }] }, 1000, []);
    const { value } = l1.get("p") as { value: { variants: { stock: number }[] } };
    expect(() => {
      value.variants[0].stock = 0;
    }).toThrow(TypeError);
  });
});
