import { expect, test } from "./fixtures";
import { stockText } from "./pages/product";

test("home → category → product → choosing a variant changes price, stock and the URL @smoke", async ({
  shop,
  request,
}) => {
  const { header, listing, product, page } = shop;
  // A footwear product on the category's first page whose sizes differ (every variant price differs).
  const { products } = await (await request.get("/api/products?category=footwear&pageSize=24")).json();
  let chosen: { slug: string; name: string } | undefined;
  for (const { slug } of products) {
    const { product: detail } = await (await request.get(`/api/products/${slug}`)).json();
    if (new Set(detail.variants.map((v: { options: { Size: string } }) => v.options.Size)).size > 1) {
      chosen = detail;
      break;
    }
  }
  expect(chosen, "a footwear product with several sizes").toBeDefined();

  await page.goto("/");
  await expect(page.getByRole("heading", { name: "Featured" })).toBeVisible();
  await expect(header.home).toBeVisible();
  await page.getByRole("link", { name: /^Footwear/ }).click();
  await expect(page).toHaveURL(/\/categories\/footwear$/);
  await expect(listing.heading).toHaveText("Footwear");
  await listing.openProduct(chosen!.name);

  const before = { price: await product.price.textContent(), url: page.url() };
  const other = product.selected("Size").locator("xpath=ancestor::ul").locator('a:not([aria-current="true"])').first();
  const chosenSize = (await other.textContent())!.trim();
  await other.click();

  await expect(page).toHaveURL(/\?variant=[A-Z0-9-]+$/);
  expect(page.url()).not.toBe(before.url);
  await expect(product.selected("Size")).toHaveText(chosenSize);
  await expect(product.price).not.toHaveText(before.price!);
  const sku = new URL(page.url()).searchParams.get("variant")!;
  await product.expectSku(sku);
  // Stock as the API tells it now (another test may hold a claim on this product and set its stock).
  // A new connection: the one used above may be at the server's keep-alive timeout by now (ECONNRESET).
  const fresh = { headers: { connection: "close" } };
  const { product: now } = await (await request.get(`/api/products/${chosen!.slug}`, fresh)).json();
  const variant = now.variants.find((v: { sku: string }) => v.sku === sku);
  expect(variant.options.Size).toBe(chosenSize);
  await expect(product.stock).toHaveText(stockText(variant.stock));
});

test("search finds a product by an inflected form of a word only in its description @smoke", async ({ shop }) => {
  const { header, listing, page } = shop;
  await page.goto("/");
  await header.search("climbs");
  await expect(page).toHaveURL(/\/products\?q=climbs/);
  await expect(listing.cards.first()).toBeVisible();
  const name = (await listing.cards.first().getByRole("heading").textContent())!;
  expect(name.toLowerCase()).not.toContain("climb");
  await listing.cards.first().click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(name);
  await expect(page.getByText(/climbing/)).toBeVisible();
});

test("a search with no hits says so, keeps the words in the box, and offers no pages", async ({ shop }) => {
  const { header, listing, page } = shop;
  await page.goto("/");
  await header.search("zzqxv nothing-like-this");
  await expect(page.getByRole("status").filter({ hasText: "No products match." })).toBeVisible();
  await expect(listing.cards).toHaveCount(0);
  await expect(listing.pagination).toHaveCount(0);
  await expect(listing.searchField).toHaveValue("zzqxv nothing-like-this");
  await expect(page).toHaveTitle(/zzqxv|Search|Brisk/);
});

test("an unknown product shows the 404 page with a real 404 status @smoke", async ({ shop }) => {
  const { page } = shop;
  const response = await page.goto("/products/this-product-does-not-exist");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "We couldn’t find that page" })).toBeVisible();
  await page.getByRole("link", { name: "Browse all products" }).click();
  await expect(page).toHaveURL(/\/products$/);
});
