import { expect, test } from "./fixtures";

test("home → category → product → choosing a variant changes price, stock and the URL", async ({ page, request }) => {
  // A footwear product on the category's first page whose sizes differ (every variant price differs).
  const { products } = await (await request.get("/api/products?category=footwear&pageSize=24")).json();
  let chosen: { name: string; variants: { sku: string; stock: number; options: Record<string, string> }[] } | undefined;
  for (const { slug } of products) {
    const { product } = await (await request.get(`/api/products/${slug}`)).json();
    if (new Set(product.variants.map((v: { options: { Size: string } }) => v.options.Size)).size > 1) {
      chosen = product;
      break;
    }
  }
  expect(chosen, "a footwear product with several sizes").toBeDefined();

  await page.goto("/");
  await expect(page.getByRole("heading", { name: "Featured" })).toBeVisible();
  await page.getByRole("link", { name: /^Footwear/ }).click();
  await expect(page).toHaveURL(/\/categories\/footwear$/);
  await expect(page.getByRole("heading", { level: 1, name: "Footwear" })).toBeVisible();
  await page.getByRole("list", { name: "Products" }).getByRole("link", { name: chosen!.name }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(chosen!.name);

  const price = page.getByTestId("price");
  const stock = page.getByTestId("stock-status");
  const sizeGroup = page.getByRole("group", { name: /Size/ });
  const before = { price: await price.textContent(), url: page.url() };
  const other = sizeGroup.locator('a:not([aria-current="true"])').first();
  const chosenSize = (await other.textContent())!.trim();
  await other.click();

  await expect(page).toHaveURL(/\?variant=[A-Z0-9-]+$/);
  expect(page.url()).not.toBe(before.url);
  await expect(sizeGroup.locator('[aria-current="true"]')).toHaveText(chosenSize);
  await expect(price).not.toHaveText(before.price!);
  const sku = new URL(page.url()).searchParams.get("variant");
  const variant = chosen!.variants.find((v) => v.sku === sku)!;
  expect(variant.options.Size).toBe(chosenSize);
  await expect(stock).toHaveText(
    variant.stock === 0 ? "Out of stock" : variant.stock <= 5 ? `Only ${variant.stock} left` : "In stock",
  );
  await expect(page.getByText(`SKU ${sku}`)).toBeVisible();
});

test("search finds a product by an inflected form of a word only in its description", async ({ page }) => {
  await page.goto("/");
  const search = page.getByRole("searchbox", { name: "Search products" });
  await search.fill("climbs");
  await search.press("Enter");
  await expect(page).toHaveURL(/\/products\?q=climbs/);
  const results = page.getByRole("list", { name: "Products" }).getByRole("link");
  await expect(results.first()).toBeVisible();
  const name = (await results.first().getByRole("heading").textContent())!;
  expect(name.toLowerCase()).not.toContain("climb");
  await results.first().click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(name);
  await expect(page.getByText(/climbing/)).toBeVisible();
});

test("an unknown product shows the 404 page with a real 404 status", async ({ page }) => {
  const response = await page.goto("/products/this-product-does-not-exist");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "We couldn’t find that page" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Browse all products" })).toBeVisible();
});

test("listings sort and paginate through the URL", async ({ page }) => {
  await page.goto("/products?sort=price-asc");
  const prices = page.getByRole("list", { name: "Products" }).locator("p");
  const first = await prices.first().textContent();
  await page.getByRole("link", { name: "Next" }).click();
  await expect(page).toHaveURL(/sort=price-asc&page=2/);
  await expect(page.getByText("Page 2 of")).toBeVisible();
  const dollars = (text: string | null) => Number(text!.replace(/[^0-9.]/g, ""));
  expect(dollars(await prices.first().textContent())).toBeGreaterThanOrEqual(dollars(first));
});
