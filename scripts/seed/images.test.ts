import { describe, expect, it } from "vitest";
import { generateCatalog } from "./catalog";
import { imagePaths } from "./images";

describe("imagePaths", () => {
  it("names an image for what it shows, so a large catalog renders at most 800 files", () => {
    const products = generateCatalog(5_000);
    const files = new Set(products.flatMap((product) => imagePaths(product)));
    expect(files.size).toBeLessThanOrEqual(800);
    // Alike products share; different looks do not.
    const [a, b] = products.filter(
      (p) => p.shape === products[0].shape && p.palette.join() === products[0].palette.join(),
    );
    expect(imagePaths(b)).toEqual(imagePaths(a));
    const other = products.find((p) => p.shape === a.shape && p.palette[0] !== a.palette[0])!;
    expect(imagePaths(other)[0]).not.toBe(imagePaths(a)[0]);
    expect(new Set(imagePaths(a)).size).toBe(2);
  });
});
