import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";

/** A product with at least two variants in stock, found through the JSON API. */
async function productWithTwoVariants(page: Page) {
  const { products } = await (await page.request.get("/api/products?category=tees&pageSize=50")).json();
  for (const { slug } of products) {
    const { product } = await (await page.request.get(`/api/products/${slug}`)).json();
    const inStock = product.variants.filter((v: { stock: number }) => v.stock >= 5);
    if (inStock.length >= 2)
      return {
        slug: product.slug as string,
        name: product.name as string,
        variants: inStock.slice(0, 2) as { sku: string; priceCents: number }[],
      };
  }
  throw new Error("no tee with two variants in stock");
}

test("a shopper adds two variants, changes a quantity, removes one, and finds the cart as left after a reload", async ({
  page,
  browser,
}) => {
  const product = await productWithTwoVariants(page);
  const count = page.getByTestId("cart-count");

  await page.goto(`/products/${product.slug}?variant=${product.variants[0].sku}`);
  await expect(count).toHaveText("0");
  await page.getByRole("button", { name: "Add to cart" }).click();
  await expect(count).toHaveText("1");
  await expect(page.getByRole("status").filter({ hasText: "Added to your cart." })).toBeVisible();

  await page.goto(`/products/${product.slug}?variant=${product.variants[1].sku}`);
  await page.getByRole("button", { name: "Add to cart" }).click();
  await expect(count).toHaveText("2"); // at once, before the server answers
  await expect(page.getByRole("status").filter({ hasText: "Added to your cart." })).toBeVisible();

  await page.getByRole("link", { name: /^Cart/ }).click();
  await expect(page).toHaveURL(/\/cart$/);
  const lines = page.getByTestId("cart-line");
  await expect(lines).toHaveCount(2);
  const first = lines.first();
  await first.getByRole("button", { name: /^One more/ }).click();
  await expect(first.getByTestId("line-quantity")).toHaveText("2");
  await expect(count).toHaveText("3");
  await lines
    .last()
    .getByRole("button", { name: /^Remove/ })
    .click();
  await expect(lines).toHaveCount(1);
  await expect(count).toHaveText("2");

  await page.reload();
  await expect(lines).toHaveCount(1);
  await expect(lines.first().getByTestId("line-quantity")).toHaveText("2");
  await expect(count).toHaveText("2");

  // Another browser (a second context shares no cookies) has a cart of its own: empty.
  const other = await browser.newContext();
  const otherPage = await other.newPage();
  await otherPage.goto("/cart");
  await expect(otherPage.getByText("Your cart is empty.")).toBeVisible();
  await expect(otherPage.getByTestId("cart-count")).toHaveText("0");
  await other.close();
});

test("the cart page works by keyboard", async ({ page }) => {
  const product = await productWithTwoVariants(page);
  await page.goto(`/products/${product.slug}?variant=${product.variants[0].sku}`);
  const add = page.getByRole("button", { name: "Add to cart" });
  await add.focus();
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("cart-count")).toHaveText("1");
  // The count moves at once; leave the page only once the server has confirmed the add.
  await expect(page.getByRole("status").filter({ hasText: "Added to your cart." })).toBeVisible();
  await page.goto("/cart");
  const more = page.getByRole("button", { name: /^One more/ });
  await more.focus();
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("line-quantity")).toHaveText("2");
});
