import { expect, test } from "./fixtures";
import { stockText } from "./pages/product";
import { dollars } from "./support/money";

test("home → category → product → choosing a variant changes the URL, price, stock and SKU @smoke", async ({
  shop,
  request,
}) => {
  const { header, listing, product, page } = shop;
  // A featured product with several sizes: featured products are never claimed, so no test changes them.
  await page.goto("/");
  await expect(page.getByRole("heading", { name: "Featured" })).toBeVisible();
  await expect(header.home).toBeVisible();
  const featured = await page
    .getByRole("list", { name: "Featured products" })
    .getByRole("link")
    .evaluateAll((links) => links.map((link) => link.getAttribute("href")!.replace("/products/", "")));
  type Detail = {
    slug: string;
    name: string;
    category: { name: string; slug: string };
    variants: { options: Record<string, string> }[];
  };
  let chosen: Detail | undefined;
  for (const slug of featured) {
    const { product: detail } = (await (await request.get(`/api/products/${slug}`)).json()) as { product: Detail };
    if (new Set(detail.variants.map((v) => v.options.Size).filter(Boolean)).size > 1) {
      chosen = detail;
      break;
    }
  }
  expect(chosen, "a featured product with several sizes").toBeDefined();

  await page.getByRole("link", { name: new RegExp(`^${chosen!.category.name}`) }).click();
  await expect(page).toHaveURL(new RegExp(`/categories/${chosen!.category.slug}$`));
  await expect(listing.heading).toHaveText(chosen!.category.name);
  await listing.openProduct(chosen!.name);

  const before = page.url();
  const other = product.selected("Size").locator("xpath=ancestor::ul").locator('a:not([aria-current="true"])').first();
  const chosenSize = (await other.textContent())!.trim();
  await other.click();

  await expect(page).toHaveURL(/\?variant=[A-Z0-9-]+$/);
  expect(page.url()).not.toBe(before);
  await expect(product.selected("Size")).toHaveText(chosenSize);
  const sku = new URL(page.url()).searchParams.get("variant")!;
  await product.expectSku(sku);
  // Price and stock as the API tells them now (another test may hold a claim on this product and change them).
  // A new connection: the one used above may be at the server's keep-alive timeout by now (ECONNRESET).
  const fresh = { headers: { connection: "close" } };
  const { product: now } = await (await request.get(`/api/products/${chosen!.slug}`, fresh)).json();
  const variant = now.variants.find((v: { sku: string }) => v.sku === sku);
  expect(variant.options.Size).toBe(chosenSize);
  await expect(product.price).toHaveText(dollars(variant.priceCents));
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
