import { expectAccessible } from "./accessibility";
import { expect, test } from "./fixtures";
import { uniqueEmail } from "./support/test-support";

test("the catalog's pages pass axe (WCAG 2.2 AA)", async ({ shop, productWithStock }) => {
  const { product, page } = shop;
  for (const [what, path] of [
    ["home", "/"],
    ["all products", "/products"],
    ["a category", "/categories/kitchen"],
    ["search results", "/products?q=mug"],
    ["search without hits", "/products?q=zzzzqqqq"],
    ["the 404 page", "/products/no-such-product"],
  ]) {
    await page.goto(path);
    await expectAccessible(page, what);
  }
  const claimed = await productWithStock([3, 0]);
  await product.open(claimed.slug, claimed.variants[0].sku);
  await expectAccessible(page, "a product page (in stock)");
  await product.open(claimed.slug, claimed.variants[1].sku);
  await expect(product.stock).toHaveText("Out of stock");
  await expectAccessible(page, "a product page (sold out)");
});

test("the shopper's pages pass axe: cart, sign-in, account, checkout, order", async ({ shop, productWithStock }) => {
  const { product, signIn, checkout, order, page } = shop;
  await page.goto("/cart");
  await expectAccessible(page, "the empty cart");
  await page.goto("/signin");
  await expectAccessible(page, "sign-in");
  await page.goto("/signin?error=Verification");
  await expectAccessible(page, "sign-in with an error");

  const claimed = await productWithStock([5]);
  await product.open(claimed.slug, claimed.variants[0].sku);
  await product.addToCart();
  await page.goto("/cart");
  await expectAccessible(page, "the cart with lines");

  await signIn.signIn(uniqueEmail("a11y"));
  await expectAccessible(page, "the account page");

  await checkout.placeOrder({ card: "1234" });
  await expect(page.getByRole("alert").filter({ hasText: /card/i })).toBeVisible();
  await expectAccessible(page, "checkout with validation errors");
  await checkout.placeOrder();
  await expect(order.thanks).toBeVisible();
  // A client-side navigation: the new page's title can land a moment after its content.
  await expect(page).toHaveTitle(/Your order/);
  await expectAccessible(page, "an order confirmation");
});
